/** Texts of the kiosk's "text me when my turn is near" (top-level key `ticketSms`). Consent: purpose and retention (Luật 91/2025/QH15). */
export const ticketSmsMessages = {
  vi: {
    ticketSms: {
      offer: 'Nhận tin nhắn khi sắp đến lượt',
      offerHint: 'Không bắt buộc',
      title: 'Nhận tin nhắn khi sắp đến lượt',
      forTicket: 'Phiếu số {number}',
      intro: 'Quý khách nhập số điện thoại di động. Cơ quan sẽ nhắn tin khi sắp đến lượt và khi gọi đến số của Quý khách.',
      phoneLabel: 'Số điện thoại di động',
      placeholder: '09xx xxx xxx',
      keypad: 'Bàn phím số',
      consent:
        'Số điện thoại chỉ dùng để nhắn tin báo lượt cho phiếu này và được xóa sau khi hết ngày làm việc. Bấm “Đồng ý” là Quý khách đồng ý cho cơ quan dùng số điện thoại này như trên.',
      confirm: 'Đồng ý',
      sending: 'Đang gửi…',
      cancel: 'Không nhận',
      done: 'Sẽ nhắn tin tới số ***{last} khi sắp đến lượt',
      problem: {
        number: 'Số điện thoại chưa đúng. Xin nhập đủ 10 số, bắt đầu bằng 03, 05, 07, 08 hoặc 09.',
        ticket: 'Số thứ tự này không còn chờ nên không đăng ký nhận tin được.',
        network: 'Chưa gửi được. Xin Quý khách thử lại, hoặc hỏi cán bộ hướng dẫn.',
      },
    },
  },
  en: {
    ticketSms: {
      offer: 'Get a text when your turn is near',
      offerHint: 'Optional',
      title: 'Get a text when your turn is near',
      forTicket: 'Ticket {number}',
      intro: 'Type your mobile number. We will text you when your turn is near and when your number is called.',
      phoneLabel: 'Mobile number',
      placeholder: '09xx xxx xxx',
      keypad: 'Number keypad',
      consent:
        'The number is used only to text you about this ticket and is deleted after the working day. By pressing “I agree” you allow the office to use it for this.',
      confirm: 'I agree',
      sending: 'Sending…',
      cancel: 'No, thanks',
      done: 'We will text ***{last} when your turn is near',
      problem: {
        number: 'This number is not right. Please type all 10 digits, starting with 03, 05, 07, 08 or 09.',
        ticket: 'This ticket is no longer waiting, so texts cannot be set up for it.',
        network: 'Could not send. Please try again, or ask the staff.',
      },
    },
  },
};
