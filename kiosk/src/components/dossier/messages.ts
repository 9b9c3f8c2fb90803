import { dossierMessages } from '../../phone/dossier/messages';

/**
 * Texts of the kiosk's "Tra cứu hồ sơ" (top-level key `dossierKiosk`). The status names and field labels are the
 * phone page's (`dossier`, merged in too), so a citizen reads the same words on the kiosk and on the phone.
 */
const kiosk = {
  vi: {
    dossierKiosk: {
      entry: 'Tra cứu hồ sơ',
      entryHint: 'Tình trạng hồ sơ, ngày hẹn trả kết quả',
      title: 'Tra cứu tình trạng hồ sơ',
      back: 'Quay lại',
      inputLabel: 'Mã hồ sơ',
      placeholder: 'Gõ mã hồ sơ in trên Giấy tiếp nhận',
      example: 'Ví dụ: {code}',
      keyboard: 'Bàn phím nhập mã hồ sơ',
      checkLabel: 'Mã kiểm tra',
      checkPlaceholder: 'hoặc 4 số cuối ĐT',
      checkKeyboard: 'Bàn phím nhập mã kiểm tra',
      checkGuide: 'Sau đó chạm ô “Mã kiểm tra” và gõ mã kiểm tra in cạnh mã hồ sơ (6 ký tự), hoặc 4 số cuối số điện thoại đã khai khi nộp hồ sơ.',
      search: 'Tra cứu',
      searching: 'Đang tra cứu…',
      guide: 'Mã hồ sơ in ở phần đầu Giấy tiếp nhận hồ sơ và hẹn trả kết quả, gồm ba phần cách nhau bởi dấu gạch ngang: mã đơn vị, ngày nhận (năm tháng ngày) và số thứ tự.',
      noAccents: 'Không phân biệt chữ hoa, chữ thường',
      format: 'Mã hồ sơ chưa đủ ba phần. Xin kiểm tra lại mã trên Giấy tiếp nhận, ví dụ: {code}',
      another: 'Tra cứu mã khác',
      askStaff: 'Cần hỗ trợ, xin mời hỏi cán bộ tại quầy.',
    },
  },
  en: {
    dossierKiosk: {
      entry: 'Dossier status',
      entryHint: 'Status of a submitted dossier and the date of the result',
      title: 'Dossier status',
      back: 'Back',
      inputLabel: 'Dossier code',
      placeholder: 'Type the dossier code on your receipt',
      example: 'Example: {code}',
      keyboard: 'Keyboard for the dossier code',
      checkLabel: 'Check code',
      checkPlaceholder: 'or phone\'s last 4',
      checkKeyboard: 'Keyboard for the check code',
      checkGuide: 'Then tap “Check code” and type the check code printed next to the dossier code (6 characters), or the last 4 digits of the phone number you gave.',
      search: 'Look up',
      searching: 'Looking up…',
      guide: 'The dossier code is printed at the top of your receipt: three parts separated by dashes — office code, date received (year month day) and number.',
      noAccents: 'Upper or lower case, either is fine',
      format: 'The code is incomplete. Please check it on your receipt, e.g. {code}',
      another: 'Look up another code',
      askStaff: 'For help, please ask a staff member at a counter.',
    },
  },
};

export const kioskDossierMessages = {
  vi: { ...dossierMessages.vi, ...kiosk.vi },
  en: { ...dossierMessages.en, ...kiosk.en },
};
