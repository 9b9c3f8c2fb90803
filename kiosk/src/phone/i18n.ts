import { createAppI18n } from '@ui/i18n';
import { ratingMessages } from '../rating/messages';
import { appointmentMessages } from './appointments/messages';
import { dossierMessages } from './dossier/messages';
import { trackMessages } from './track/messages';

/** Where the phone pages remember the citizen's language (apart from a kiosk's, which may share the browser). */
export const PHONE_LOCALE_KEY = 'motcua.phone.locale';

/**
 * Texts of the citizen phone pages (top-level keys must not clash with the shared ones: errors, priority, connection,
 * language, devicePairing). Pages added by other features put their texts under their own top-level key.
 */
export const messages = {
  vi: {
    ...trackMessages.vi,
    ...dossierMessages.vi,
    ...ratingMessages.vi,
    ...appointmentMessages.vi,
    phone: {
      office: 'Bộ phận Một cửa',
      language: 'English',
      languageLabel: 'Switch to English',
      notFound: 'Không tìm thấy trang này.',
      home: 'Về trang tra cứu thủ tục',
    },
    listing: {
      title: 'Tra cứu thủ tục hành chính',
      searchLabel: 'Tìm thủ tục',
      placeholder: 'Ví dụ: khai sinh, cư trú, chứng thực',
      accentsOptional: 'Không cần gõ dấu tiếng Việt.',
      fieldsTitle: 'Hoặc chọn lĩnh vực',
      fieldCount: '{n} thủ tục',
      allFields: 'Tất cả lĩnh vực',
      resultsFor: 'Kết quả cho “{q}”',
      resultCount: 'Không có kết quả | 1 kết quả | {n} kết quả',
      loading: 'Đang tải…',
      noResults: 'Không tìm thấy thủ tục phù hợp. Xin thử từ khác, hoặc hỏi cán bộ tại Bộ phận Một cửa.',
      failed: 'Không tải được dữ liệu. Xin kiểm tra kết nối mạng rồi thử lại.',
      retry: 'Thử lại',
      code: 'Mã {code}',
    },
    detail: {
      back: 'Danh sách thủ tục',
      missing: 'Không tìm thấy thủ tục này. Thủ tục có thể đã thôi áp dụng; xin tra cứu lại.',
      code: 'Mã thủ tục',
      basis: 'Danh mục theo {decision} (hiệu lực từ {date})',
      field: 'Lĩnh vực',
      level: { xa: 'Cấp xã', tinh: 'Cấp tỉnh', trung_uong: 'Cấp trung ương' },
      online: {
        toan_trinh: 'Có thể nộp trực tuyến toàn trình',
        mot_phan: 'Có thể nộp trực tuyến một phần',
        khong: 'Nộp trực tiếp tại Bộ phận Một cửa',
      },
      time: 'Thời hạn giải quyết',
      fees: 'Phí, lệ phí',
      free: 'Miễn phí',
      noFee: 'Không thu phí, lệ phí',
      documents: 'Thành phần hồ sơ',
      documentsHint: 'Đánh dấu giấy tờ đã chuẩn bị.',
      originals: 'Bản chính: {n}',
      copies: 'Bản sao: {n}',
      form: 'Tải mẫu đơn',
      applicants: 'Đối tượng thực hiện',
      conditions: 'Yêu cầu, điều kiện',
      agency: 'Cơ quan thực hiện',
      result: 'Kết quả',
      legal: 'Căn cứ pháp lý',
      updated: 'Cập nhật ngày {date}',
      print: 'In phiếu hướng dẫn',
      guideTitle: 'PHIẾU HƯỚNG DẪN',
      guideSubtitle: 'Chuẩn bị hồ sơ thủ tục hành chính',
      scan: 'Quét mã để xem trên điện thoại',
      printedAt: 'In ngày {date}',
      viOnly: '',
    },
  },
  en: {
    ...trackMessages.en,
    ...dossierMessages.en,
    ...ratingMessages.en,
    ...appointmentMessages.en,
    phone: {
      office: 'One-stop office',
      language: 'Tiếng Việt',
      languageLabel: 'Chuyển sang tiếng Việt',
      notFound: 'This page does not exist.',
      home: 'Back to the procedure lookup',
    },
    listing: {
      title: 'Administrative procedure lookup',
      searchLabel: 'Find a procedure',
      placeholder: 'e.g. khai sinh, cư trú, chứng thực',
      accentsOptional: 'Vietnamese accents are optional.',
      fieldsTitle: 'Or choose a field',
      fieldCount: 'no procedure | {n} procedure | {n} procedures',
      allFields: 'All fields',
      resultsFor: 'Results for “{q}”',
      resultCount: 'No result | 1 result | {n} results',
      loading: 'Loading…',
      noResults: 'No matching procedure. Please try other words, or ask at the one-stop office.',
      failed: 'The data could not be loaded. Please check your connection and try again.',
      retry: 'Try again',
      code: 'Code {code}',
    },
    detail: {
      back: 'All procedures',
      missing: 'This procedure was not found. It may no longer apply; please search again.',
      code: 'Procedure code',
      basis: 'Catalog under {decision} (in force from {date})',
      field: 'Field',
      level: { xa: 'Commune level', tinh: 'Provincial level', trung_uong: 'Central level' },
      online: {
        toan_trinh: 'Can be submitted fully online',
        mot_phan: 'Can be partly submitted online',
        khong: 'Submit in person at the one-stop office',
      },
      time: 'Processing time',
      fees: 'Fees and charges',
      free: 'Free of charge',
      noFee: 'No fees or charges',
      documents: 'Documents to submit',
      documentsHint: 'Tick what you have prepared.',
      originals: 'Originals: {n}',
      copies: 'Copies: {n}',
      form: 'Download the form',
      applicants: 'Who may apply',
      conditions: 'Requirements',
      agency: 'Handled by',
      result: 'Result',
      legal: 'Legal basis',
      updated: 'Updated {date}',
      print: 'Print the checklist',
      guideTitle: 'CHECKLIST',
      guideSubtitle: 'Documents to prepare for an administrative procedure',
      scan: 'Scan to open on a phone',
      printedAt: 'Printed {date}',
      viOnly: 'Procedure listings are published in Vietnamese.',
    },
  },
};

/** The phone pages' vue-i18n instance (shared messages merged in). */
export function createPhoneI18n() {
  return createAppI18n(messages, PHONE_LOCALE_KEY);
}
