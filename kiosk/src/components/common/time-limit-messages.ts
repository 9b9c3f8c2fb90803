/** Texts of the kiosk's time-limit warning (top-level key `timeLimit`). */
export const timeLimitMessages = {
  vi: {
    timeLimit: {
      title: 'Quý khách còn cần thêm thời gian?',
      body: 'Màn hình sẽ trở về trang chính sau {n} giây.',
      extend: 'Thêm thời gian',
    },
  },
  en: {
    timeLimit: {
      title: 'Do you need more time?',
      body: 'The screen returns to the start in {n} seconds.',
      extend: 'More time',
    },
  },
};
