import { RATING_CRITERION_LABELS, RATING_LEVEL_LABELS, RATING_QUESTION } from '@shared/rating';

const labels = <K extends string>(table: Record<K, { vi: string; en: string }>, lang: 'vi' | 'en') =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, (v as { vi: string; en: string })[lang]])) as Record<K, string>;

/** Texts of the rating form, shared by the counter's tablet and the phone page (top-level key `rating`). */
export const ratingMessages = {
  vi: {
    rating: {
      question: RATING_QUESTION.vi,
      level: labels(RATING_LEVEL_LABELS, 'vi'),
      criterion: labels(RATING_CRITERION_LABELS, 'vi'),
      ticket: 'Số thứ tự {number} · {service}',
      counter: 'Quầy {n} – {name}',
      staff: 'Cán bộ tiếp nhận: {name}',
      details: 'Đánh giá thêm (không bắt buộc)',
      reason: 'Lý do Quý khách không hài lòng (bắt buộc)',
      reasonPlaceholder: 'Ví dụ: phải chờ lâu, hướng dẫn chưa rõ…',
      reasonShort: 'Xin ghi lý do, ít nhất {n} ký tự.',
      comment: 'Góp ý thêm (không bắt buộc)',
      send: 'Gửi đánh giá',
      sending: 'Đang gửi…',
      thanks: 'Cảm ơn Quý khách đã đánh giá!',
      thanksHint: 'Ý kiến của Quý khách giúp chúng tôi phục vụ tốt hơn.',
      back: 'Màn hình sẽ trở về sau {n} giây',
      alreadyRated: 'Lượt phục vụ này đã được đánh giá. Xin cảm ơn Quý khách!',
      failed: 'Chưa gửi được đánh giá. Xin thử lại.',
    },
  },
  en: {
    rating: {
      question: RATING_QUESTION.en,
      level: labels(RATING_LEVEL_LABELS, 'en'),
      criterion: labels(RATING_CRITERION_LABELS, 'en'),
      ticket: 'Ticket {number} · {service}',
      counter: 'Counter {n} – {name}',
      staff: 'Officer: {name}',
      details: 'More detail (optional)',
      reason: 'Why are you not satisfied? (required)',
      reasonPlaceholder: 'For example: long wait, unclear guidance…',
      reasonShort: 'Please give a reason of at least {n} characters.',
      comment: 'Any other comment (optional)',
      send: 'Send rating',
      sending: 'Sending…',
      thanks: 'Thank you for your rating!',
      thanksHint: 'Your opinion helps us serve you better.',
      back: 'This screen returns in {n} s',
      alreadyRated: 'This visit has already been rated. Thank you!',
      failed: 'The rating could not be sent. Please try again.',
    },
  },
};
