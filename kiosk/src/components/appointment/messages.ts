/** Texts of the kiosk's "Có lịch hẹn" check-in (top-level key `apptKiosk`). */
export const kioskAppointmentMessages = {
  vi: {
    apptKiosk: {
      entry: 'Có lịch hẹn',
      entryHint: 'Đã đặt lịch trực tuyến: nhận số ưu tiên',
      title: 'Nhận số theo lịch hẹn',
      back: 'Quay lại',
      inputLabel: 'Mã lịch hẹn',
      placeholder: 'Gõ mã hoặc quét mã QR',
      keyboard: 'Bàn phím nhập mã lịch hẹn',
      submit: 'Nhận số',
      submitting: 'Đang nhận số…',
      guide: 'Mã lịch hẹn gồm 6 chữ và số, ghi trên trang xác nhận đặt lịch. Quý khách gõ mã, hoặc đưa mã QR vào máy quét.',
      format: 'Mã lịch hẹn gồm 6 ký tự (chữ và số). Xin kiểm tra lại.',
      tooEarly: 'Chưa đến giờ nhận số cho lịch hẹn lúc {start}. Mời Quý khách quay lại từ {from}.',
      onDay: '{time} ngày {date}',
      askStaff: 'Cần hỗ trợ, xin mời hỏi cán bộ tại quầy.',
    },
  },
  en: {
    apptKiosk: {
      entry: 'I have an appointment',
      entryHint: 'Booked online: take a priority ticket',
      title: 'Ticket for your appointment',
      back: 'Back',
      inputLabel: 'Booking code',
      placeholder: 'Type the code or scan the QR',
      keyboard: 'Keyboard for the booking code',
      submit: 'Get ticket',
      submitting: 'Getting your ticket…',
      guide: 'The booking code has 6 letters and digits and is on your booking confirmation. Type it, or hold the QR code to the scanner.',
      format: 'The booking code has 6 characters. Please check it.',
      tooEarly: 'Too early for your {start} appointment. Please come back from {from}.',
      onDay: '{time} on {date}',
      askStaff: 'For help, please ask a staff member at a counter.',
    },
  },
};
