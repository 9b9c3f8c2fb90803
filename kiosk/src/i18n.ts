import { createAppI18n } from '@ui/i18n';

/** Kiosk texts (top-level keys must not clash with the shared ones: errors, priority, connection, language, devicePairing). Vietnamese first; citizens may be elderly, so short, polite, plain sentences. */
export const messages = {
  vi: {
    app: { title: 'Kiosk lấy số thứ tự' },
    weekdays: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
    home: {
      prompt: 'Mời chọn dịch vụ',
      hint: 'Chạm vào ô dịch vụ Quý khách cần làm',
      waiting: 'Đang chờ: {n} người',
      wait: 'Chờ khoảng {n} phút',
      noWait: 'Không phải chờ',
      soldOut: 'Hết số hôm nay',
      loading: 'Đang tải danh sách dịch vụ…',
      empty: 'Hiện chưa có dịch vụ nào được cấp số.',
    },
    priorityStep: {
      title: 'Quý khách có thuộc diện ưu tiên không?',
      normal: 'Không thuộc diện ưu tiên',
      normalHint: 'Lấy số thông thường',
      groupsTitle: 'Ưu tiên',
      back: 'Quay lại',
      issuing: 'Đang cấp số, xin vui lòng chờ…',
    },
    ticket: {
      heading: 'SỐ THỨ TỰ',
      counters: 'Quầy {list}',
      countersLabel: 'Mời đến',
      ahead: 'Số người chờ trước',
      wait: 'Thời gian chờ dự kiến',
      waitValue: 'khoảng {n} phút',
      waitSoon: 'Sắp đến lượt',
      issuedAt: 'Giờ lấy số',
      remember: 'Vui lòng ghi nhớ hoặc chụp lại số thứ tự này',
      listen: 'Xin mời theo dõi màn hình và loa gọi số.',
      done: 'Xong',
      countdown: 'Tự động quay về màn hình chính sau {n} giây',
    },
    error: {
      title: 'Chưa cấp được số thứ tự',
      NETWORK: 'Không kết nối được máy chủ. Xin vui lòng thử lại sau giây lát.',
      home: 'Về màn hình chính',
    },
    closed: {
      title: 'Hiện đang ngoài giờ cấp số thứ tự',
      windows: 'Giờ cấp số: {list}',
      days: 'Ngày làm việc: {list}',
      comeBack: 'Xin mời Quý khách quay lại trong giờ cấp số. Trân trọng cảm ơn!',
    },
  },
  en: {
    app: { title: 'Ticket kiosk' },
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    home: {
      prompt: 'Please choose a service',
      hint: 'Touch the service you need',
      waiting: 'Waiting: {n}',
      wait: 'About {n} min wait',
      noWait: 'No wait',
      soldOut: 'No tickets left today',
      loading: 'Loading services…',
      empty: 'No service is issuing tickets now.',
    },
    priorityStep: {
      title: 'Do you belong to a priority group?',
      normal: 'Not a priority case',
      normalHint: 'Take a regular ticket',
      groupsTitle: 'Priority',
      back: 'Back',
      issuing: 'Issuing your ticket, please wait…',
    },
    ticket: {
      heading: 'YOUR NUMBER',
      counters: 'Counter {list}',
      countersLabel: 'Please go to',
      ahead: 'People ahead of you',
      wait: 'Estimated wait',
      waitValue: 'about {n} min',
      waitSoon: 'Very soon',
      issuedAt: 'Issued at',
      remember: 'Please remember or take a photo of this number',
      listen: 'Please watch the screen and listen for your number.',
      done: 'Done',
      countdown: 'Back to the start screen in {n} s',
    },
    error: {
      title: 'Your ticket could not be issued',
      NETWORK: 'The hub cannot be reached. Please try again in a moment.',
      home: 'Back to start',
    },
    closed: {
      title: 'Tickets are not being issued now',
      windows: 'Ticket hours: {list}',
      days: 'Working days: {list}',
      comeBack: 'Please come back during ticket hours. Thank you!',
    },
  },
};

/** The kiosk's vue-i18n instance (shared messages merged in). */
export function createKioskI18n() {
  return createAppI18n(messages);
}
