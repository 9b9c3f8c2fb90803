/** Texts of the console's bookings panel and the booking of the called ticket (key `bookings`). */
export const bookingsVi = {
  title: 'Lịch hẹn hôm nay',
  upcoming: 'Sắp đến ({n})',
  checkedIn: 'Đã nhận số ({n})',
  missed: 'Lỡ hẹn ({n})',
  none: 'Không có lịch hẹn hôm nay cho các lĩnh vực của quầy.',
  ticket: 'số {number}',
  booking: 'Lịch hẹn {code}',
  bookedFor: 'Hẹn lúc {time}',
  failed: 'Chưa tải được lịch hẹn.',
};
export const bookingsEn: typeof bookingsVi = {
  title: "Today's appointments",
  upcoming: 'Upcoming ({n})',
  checkedIn: 'Checked in ({n})',
  missed: 'Missed ({n})',
  none: "No appointments today for this counter's services.",
  ticket: 'ticket {number}',
  booking: 'Booking {code}',
  bookedFor: 'Booked for {time}',
  failed: 'Could not load the appointments.',
};
