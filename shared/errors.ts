/** Stable error codes of the hub. Never rename one: clients and integrators match on them. */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  DEVICE_NOT_PAIRED: 'DEVICE_NOT_PAIRED',
  PAIRING_CODE_INVALID: 'PAIRING_CODE_INVALID',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  SERVICE_NOT_FOUND: 'SERVICE_NOT_FOUND',
  SERVICE_INACTIVE: 'SERVICE_INACTIVE',
  DAILY_LIMIT_REACHED: 'DAILY_LIMIT_REACHED',
  OFFICE_CLOSED: 'OFFICE_CLOSED',
  INVALID_PRIORITY_GROUP: 'INVALID_PRIORITY_GROUP',
  COUNTER_NOT_FOUND: 'COUNTER_NOT_FOUND',
  COUNTER_TAKEN: 'COUNTER_TAKEN',
  NOT_AT_COUNTER: 'NOT_AT_COUNTER',
  QUEUE_EMPTY: 'QUEUE_EMPTY',
  NO_CURRENT_TICKET: 'NO_CURRENT_TICKET',
  TICKET_NOT_FOUND: 'TICKET_NOT_FOUND',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  SERVICE_NOT_AT_COUNTER: 'SERVICE_NOT_AT_COUNTER',
  INVALID_DATE_RANGE: 'INVALID_DATE_RANGE',
  OFFICE_CODE_TAKEN: 'OFFICE_CODE_TAKEN',
  ENROLL_TOKEN_INVALID: 'ENROLL_TOKEN_INVALID',
  OFFICE_CREDENTIAL_INVALID: 'OFFICE_CREDENTIAL_INVALID',
  PROVINCE_URL_INVALID: 'PROVINCE_URL_INVALID',
  PROVINCE_TOKEN_REFUSED: 'PROVINCE_TOKEN_REFUSED',
  PROVINCE_UNREACHABLE: 'PROVINCE_UNREACHABLE',
  UNIT_CODE_REQUIRED: 'UNIT_CODE_REQUIRED',
  CATALOG_EMPTY: 'CATALOG_EMPTY',
  CATALOG_NOT_PUBLISHED: 'CATALOG_NOT_PUBLISHED',
  CATALOG_EDITION_STALE: 'CATALOG_EDITION_STALE',
  CATALOG_EDITION_UNKNOWN: 'CATALOG_EDITION_UNKNOWN',
  PRINTER_NOT_FOUND: 'PRINTER_NOT_FOUND',
  NO_PRINTER: 'NO_PRINTER',
  DOSSIER_NOT_FOUND: 'DOSSIER_NOT_FOUND',
  DOSSIER_INVALID_TRANSITION: 'DOSSIER_INVALID_TRANSITION',
  SUPPLEMENT_ALREADY_REQUESTED: 'SUPPLEMENT_ALREADY_REQUESTED',
  REASON_REQUIRED: 'REASON_REQUIRED',
  INVALID_DUE_DATE: 'INVALID_DUE_DATE',
  ALREADY_RATED: 'ALREADY_RATED',
  TICKET_NOT_DONE: 'TICKET_NOT_DONE',
  RATING_REASON_REQUIRED: 'RATING_REASON_REQUIRED',
  RATING_LEVEL_NOT_OFFERED: 'RATING_LEVEL_NOT_OFFERED',
  FIELD_IN_USE: 'FIELD_IN_USE',
  // Sessions and sign-in (issue 14).
  LOGIN_THROTTLED: 'LOGIN_THROTTLED',
  // Printing (issue 16)
  PRINTER_IN_BROWSER: 'PRINTER_IN_BROWSER',
  // Front door (issue 14: access, origins, bodies).
  CROSS_ORIGIN_REFUSED: 'CROSS_ORIGIN_REFUSED',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  // Personal data (Luật 91/2025/QH15): public dossier lookup's second factor, citizens' requests.
  DOSSIER_CHECK_FAILED: 'DOSSIER_CHECK_FAILED',
  DOSSIER_LOOKUP_LOCKED: 'DOSSIER_LOOKUP_LOCKED',
  DATA_SUBJECT_NOT_FOUND: 'DATA_SUBJECT_NOT_FOUND',
  RECORD_MUST_BE_KEPT: 'RECORD_MUST_BE_KEPT',
  // Online appointments (issue 18).
  APPOINTMENTS_OFF: 'APPOINTMENTS_OFF',
  SLOT_FULL: 'SLOT_FULL',
  SLOT_CLOSED: 'SLOT_CLOSED',
  BOOKING_LIMIT: 'BOOKING_LIMIT',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  ID_NUMBER_REQUIRED: 'ID_NUMBER_REQUIRED',
  APPOINTMENT_NOT_FOUND: 'APPOINTMENT_NOT_FOUND',
  APPOINTMENT_NOT_CANCELLABLE: 'APPOINTMENT_NOT_CANCELLABLE',
  TOO_EARLY: 'TOO_EARLY',
  TOO_LATE: 'TOO_LATE',
  ALREADY_CHECKED_IN: 'ALREADY_CHECKED_IN',
  APPOINTMENT_CANCELLED: 'APPOINTMENT_CANCELLED',
  // Integrations (issue 20).
  WEBHOOK_NOT_FOUND: 'WEBHOOK_NOT_FOUND',
  WEBHOOK_URL_NOT_ALLOWED: 'WEBHOOK_URL_NOT_ALLOWED',
  DELIVERY_NOT_FOUND: 'DELIVERY_NOT_FOUND',
  API_KEY_NOT_FOUND: 'API_KEY_NOT_FOUND',
  API_KEY_INVALID: 'API_KEY_INVALID',
  API_KEY_SCOPE: 'API_KEY_SCOPE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;
/** One of the stable error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Body of every 4xx/5xx reply and of a failed socket ack. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Human text for each code: Vietnamese for staff and citizens, English as second language. Says what to do next. */
export const ERROR_MESSAGES: Record<ErrorCode, { vi: string; en: string }> = {
  VALIDATION_FAILED: { vi: 'Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra lại các ô đã nhập.', en: 'The request data is invalid. Please check what you entered.' },
  NOT_FOUND: { vi: 'Không tìm thấy nội dung yêu cầu; có thể đã bị xóa. Hãy tải lại trang.', en: 'Not found; it may have been removed. Reload the page.' },
  UNAUTHENTICATED: { vi: 'Vui lòng đăng nhập lại.', en: 'Please sign in again.' },
  FORBIDDEN: { vi: 'Tài khoản không có quyền thực hiện thao tác này.', en: 'Your account may not do this.' },
  INVALID_CREDENTIALS: { vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong username or password.' },
  ACCOUNT_LOCKED: {
    vi: 'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 5 phút hoặc nhờ quản trị viên đặt lại mật khẩu.',
    en: 'Account locked after repeated wrong passwords. Try again in 5 minutes or ask an administrator.',
  },
  PASSWORD_CHANGE_REQUIRED: { vi: 'Vui lòng đổi mật khẩu trước khi làm việc.', en: 'Please change your password first.' },
  WEAK_PASSWORD: {
    vi: 'Mật khẩu mới phải có ít nhất 8 ký tự và khác mật khẩu cũ.',
    en: 'The new password needs at least 8 characters and must differ from the old one.',
  },
  DEVICE_NOT_PAIRED: {
    vi: 'Thiết bị chưa được ghép nối. Quản trị viên cần nhập mã ghép nối hiển thị trên màn hình.',
    en: 'This device is not paired. An administrator must enter the pairing code shown on screen.',
  },
  PAIRING_CODE_INVALID: { vi: 'Mã ghép nối không đúng hoặc đã hết hạn.', en: 'Wrong or expired pairing code.' },
  USERNAME_TAKEN: { vi: 'Tên đăng nhập đã được dùng.', en: 'That username is taken.' },
  CONFLICT: { vi: 'Dữ liệu trùng với mục đã có (mã, số quầy hoặc tiền tố).', en: 'This conflicts with an existing item.' },
  RATE_LIMITED: { vi: 'Thao tác quá nhanh, vui lòng thử lại sau ít phút.', en: 'Too many requests, try again shortly.' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn. Hãy chọn tệp nhỏ hơn.', en: 'The request is too large. Choose a smaller file.' },
  SERVICE_NOT_FOUND: { vi: 'Không tìm thấy dịch vụ.', en: 'Service not found.' },
  SERVICE_INACTIVE: { vi: 'Dịch vụ này tạm ngừng cấp số.', en: 'This service is not issuing tickets now.' },
  DAILY_LIMIT_REACHED: {
    vi: 'Dịch vụ đã hết số thứ tự trong ngày. Xin mời quay lại vào ngày làm việc tiếp theo.',
    en: 'No more tickets today for this service. Please come back on the next working day.',
  },
  OFFICE_CLOSED: {
    vi: 'Hiện đang ngoài giờ cấp số thứ tự. Xin mời quay lại trong giờ cấp số.',
    en: 'Tickets are not issued at this time. Please come back during ticket hours.',
  },
  INVALID_PRIORITY_GROUP: { vi: 'Nhóm ưu tiên không hợp lệ.', en: 'Unknown priority group.' },
  COUNTER_NOT_FOUND: { vi: 'Không tìm thấy quầy.', en: 'Counter not found.' },
  COUNTER_TAKEN: {
    vi: 'Quầy đang có cán bộ khác đăng nhập. Hãy chọn quầy khác hoặc nhờ cán bộ đó đóng quầy.',
    en: 'Another staff member is signed in at this counter.',
  },
  NOT_AT_COUNTER: { vi: 'Bạn chưa mở quầy này. Hãy chọn quầy để làm việc.', en: 'You have not opened this counter.' },
  QUEUE_EMPTY: { vi: 'Không còn công dân chờ.', en: 'Nobody is waiting.' },
  NO_CURRENT_TICKET: { vi: 'Quầy chưa gọi số nào. Hãy bấm "Gọi số tiếp theo".', en: 'No ticket is being served. Call the next one first.' },
  TICKET_NOT_FOUND: { vi: 'Không tìm thấy số thứ tự.', en: 'Ticket not found.' },
  INVALID_TRANSITION: {
    vi: 'Số này vừa được quầy khác xử lý hoặc đã đổi trạng thái. Hãy xem lại hàng chờ rồi thao tác lại.',
    en: 'This ticket was just handled elsewhere or changed state. Check the queue and try again.',
  },
  SERVICE_NOT_AT_COUNTER: { vi: 'Quầy không phục vụ dịch vụ này.', en: 'This counter does not serve that service.' },
  INVALID_DATE_RANGE: {
    vi: 'Khoảng thời gian không hợp lệ: ngày bắt đầu phải trước ngày kết thúc và không quá 366 ngày.',
    en: 'Invalid period: the start must not be after the end, and at most 366 days.',
  },
  PRINTER_NOT_FOUND: { vi: 'Không tìm thấy máy in; có thể đã bị xóa. Hãy tải lại trang.', en: 'Printer not found; it may have been removed. Reload the page.' },
  NO_PRINTER: {
    vi: 'Chưa có máy in nào đang bật cho ki-ốt này. Hãy thêm hoặc bật máy in trong mục Máy in.',
    en: 'No enabled printer for this kiosk. Add or enable one under Printers.',
  },
  DOSSIER_NOT_FOUND: { vi: 'Không tìm thấy hồ sơ. Hãy kiểm tra lại mã hồ sơ trên giấy hẹn.', en: 'Dossier not found. Check the code on the receipt.' },
  DOSSIER_INVALID_TRANSITION: {
    vi: 'Hồ sơ đang ở trạng thái không cho phép thao tác này. Hãy tải lại hồ sơ để xem trạng thái hiện tại.',
    en: 'The dossier is in a state that does not allow this. Reload it to see its current state.',
  },
  SUPPLEMENT_ALREADY_REQUESTED: {
    vi: 'Hồ sơ đã được yêu cầu bổ sung một lần; theo Nghị định 118/2025/NĐ-CP chỉ được yêu cầu bổ sung một lần.',
    en: 'A supplement was already requested once; Decree 118/2025 allows only one request.',
  },
  REASON_REQUIRED: { vi: 'Vui lòng nhập lý do (yêu cầu bổ sung, từ chối hoặc hẹn lại).', en: 'Please enter the reason.' },
  INVALID_DUE_DATE: { vi: 'Ngày hẹn mới phải sau ngày hẹn hiện tại và rơi vào ngày làm việc.', en: 'The new date must be after the current one, on a working day.' },
  ALREADY_RATED: { vi: 'Lượt phục vụ này đã được đánh giá. Xin cảm ơn Quý khách!', en: 'This visit has already been rated. Thank you!' },
  TICKET_NOT_DONE: {
    vi: 'Chỉ đánh giá được sau khi cán bộ giải quyết xong lượt của Quý khách.',
    en: 'You can rate once the officer has finished serving you.',
  },
  RATING_REASON_REQUIRED: { vi: 'Xin Quý khách cho biết lý do không hài lòng.', en: 'Please tell us why you are not satisfied.' },
  RATING_LEVEL_NOT_OFFERED: { vi: 'Mức đánh giá này không dùng tại đơn vị. Hãy tải lại trang.', en: 'This office does not use that level. Reload the page.' },
  FIELD_IN_USE: {
    vi: 'Lĩnh vực còn thủ tục (kể cả thủ tục đã ngừng áp dụng). Hãy chuyển các thủ tục sang lĩnh vực khác trước khi xóa.',
    en: 'This field still has procedures (retired ones included). Move them to another field first.',
  },
  // Sessions and sign-in (issue 14).
  LOGIN_THROTTLED: {
    vi: 'Đã nhập sai mật khẩu nhiều lần từ máy này. Vui lòng chờ một lát rồi thử lại, hoặc nhờ quản trị viên mở khóa đăng nhập.',
    en: 'Too many wrong passwords from this computer. Wait a moment and try again, or ask an administrator to unlock sign-in.',
  },
  // Printing (issue 16)
  PRINTER_IN_BROWSER: {
    vi: 'Máy in này nối với máy tính của ki-ốt và do trình duyệt của ki-ốt in, máy chủ không gửi lệnh in tới được. Hãy chọn máy in khác.',
    en: 'This printer is driven by the kiosk’s browser; the hub cannot send it a job. Choose another printer.',
  },
  // Front door (issue 14: access, origins, bodies).
  CROSS_ORIGIN_REFUSED: {
    vi: 'Yêu cầu gửi từ một trang web khác nên bị từ chối. Hãy mở màn hình từ đúng địa chỉ của hệ thống.',
    en: 'Refused: the request came from another site. Open the screen from the hub\'s own address.',
  },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Dữ liệu gửi lên phải ở dạng JSON (trừ khi tải tệp lên).', en: 'The request body must be JSON (except file uploads).' },
  DOSSIER_CHECK_FAILED: {
    vi: 'Mã hồ sơ hoặc mã kiểm tra không đúng. Xin nhập mã kiểm tra in trên Giấy tiếp nhận, hoặc 4 số cuối số điện thoại đã khai.',
    en: 'Wrong dossier code or check code. Type the check code printed on your receipt, or the last 4 digits of your phone number.',
  },
  DOSSIER_LOOKUP_LOCKED: {
    vi: 'Nhập sai quá nhiều lần. Xin thử lại sau 15 phút hoặc hỏi cán bộ tại quầy.',
    en: 'Too many wrong attempts. Please try again in 15 minutes or ask at a counter.',
  },
  DATA_SUBJECT_NOT_FOUND: { vi: 'Hệ thống không lưu dữ liệu nào của số định danh này.', en: 'The hub holds no data for this ID number.' },
  APPOINTMENTS_OFF: { vi: 'Dịch vụ này chưa nhận đặt lịch hẹn trực tuyến. Quý khách vui lòng lấy số tại quầy.', en: 'This service does not take online bookings. Please take a ticket at the office.' },
  SLOT_FULL: { vi: 'Khung giờ này đã hết chỗ. Vui lòng chọn khung giờ khác.', en: 'This time slot is full. Please choose another one.' },
  SLOT_CLOSED: { vi: 'Khung giờ này không nhận đặt lịch (đã qua, ngày nghỉ, ngoài thời gian cho phép hoặc tạm khóa). Vui lòng chọn khung giờ khác.', en: 'This slot cannot be booked (past, a day off, outside the booking period or blocked). Please choose another one.' },
  BOOKING_LIMIT: { vi: 'Số điện thoại hoặc số định danh này đã đạt giới hạn đặt lịch. Vui lòng dùng lịch hẹn đã đặt hoặc hủy lịch cũ.', en: 'This phone or ID number has reached its booking limit. Use or cancel the existing booking.' },
  CONSENT_REQUIRED: { vi: 'Vui lòng đồng ý với thông báo xử lý dữ liệu cá nhân để đặt lịch.', en: 'Please agree to the privacy notice to book.' },
  ID_NUMBER_REQUIRED: { vi: 'Vui lòng nhập số định danh cá nhân (CCCD, 12 số).', en: 'Please enter your ID number (12 digits).' },
  APPOINTMENT_NOT_FOUND: { vi: 'Không tìm thấy lịch hẹn. Vui lòng kiểm tra mã lịch hẹn và số điện thoại.', en: 'Booking not found. Check the booking code and phone number.' },
  APPOINTMENT_NOT_CANCELLABLE: { vi: 'Lịch hẹn này không thể hủy (đã đến làm thủ tục, đã quá giờ hoặc đã hủy).', en: 'This booking can no longer be cancelled.' },
  TOO_EARLY: { vi: 'Chưa đến giờ nhận số cho lịch hẹn này. Vui lòng quay lại đúng giờ ghi trên màn hình.', en: 'Too early for this booking. Please come back at the time shown.' },
  TOO_LATE: { vi: 'Lịch hẹn đã quá giờ nhận số. Vui lòng đặt lịch mới hoặc liên hệ cán bộ hướng dẫn.', en: 'This booking is past its check-in time. Please book again or ask a staff member.' },
  ALREADY_CHECKED_IN: { vi: 'Lịch hẹn này đã được nhận số.', en: 'This booking has already been checked in.' },
  APPOINTMENT_CANCELLED: { vi: 'Lịch hẹn này đã bị hủy.', en: 'This booking was cancelled.' },
  RECORD_MUST_BE_KEPT: {
    vi: 'Không thể xóa: hồ sơ phải được lưu theo quy định (Sổ theo dõi hồ sơ). Có thể chỉnh sửa thông tin sai.',
    en: 'Cannot delete: the record must be kept by law (the dossier tracking book). Wrong details can be corrected.',
  },
  // The province (issue 21).
  OFFICE_CODE_TAKEN: { vi: 'Mã đơn vị này đã có trong danh sách của tỉnh.', en: 'An office with this unit code is already listed.' },
  ENROLL_TOKEN_INVALID: {
    vi: 'Mã đơn vị hoặc mã kết nối không đúng, hoặc mã kết nối đã hết hạn. Xin cấp mã mới tại hệ thống của tỉnh.',
    en: 'Wrong unit code or enrolment token, or the token expired. Get a new one from the province hub.',
  },
  OFFICE_CREDENTIAL_INVALID: {
    vi: 'Văn phòng chưa được kết nối với tỉnh hoặc kết nối đã bị thu hồi. Xin kết nối lại bằng mã kết nối mới.',
    en: 'The office is not enrolled with the province or its enrolment was revoked. Enrol again with a new token.',
  },
  PROVINCE_URL_INVALID: {
    vi: 'Địa chỉ hệ thống của tỉnh không đúng: dùng https://, hoặc http:// tới máy trong mạng nội bộ đã khai báo; và địa chỉ đó phải là hệ thống một cửa của tỉnh.',
    en: 'Wrong province hub address: use https://, or http:// to a listed LAN host; and it must be a province hub.',
  },
  PROVINCE_TOKEN_REFUSED: {
    vi: 'Hệ thống của tỉnh từ chối mã kết nối (sai mã đơn vị, sai mã kết nối hoặc mã đã hết hạn). Xin tỉnh cấp mã mới.',
    en: 'The province hub refused the enrolment token (wrong unit code or token, or it expired). Ask the province for a new one.',
  },
  PROVINCE_UNREACHABLE: {
    vi: 'Không liên lạc được với hệ thống của tỉnh. Kiểm tra đường truyền và địa chỉ rồi thử lại; văn phòng vẫn làm việc bình thường.',
    en: 'The province hub cannot be reached. Check the network and the address, then try again; the office keeps working.',
  },
  UNIT_CODE_REQUIRED: {
    vi: 'Chưa có mã định danh đơn vị hợp lệ (3–40 chữ, số, dấu chấm, ví dụ 000.00.31.H26): nhập mã đơn vị trong Cài đặt văn phòng (hoặc kèm theo khi kết nối).',
    en: 'No valid unit identifier (3–40 letters, digits, dots, e.g. 000.00.31.H26): set the unit code in the office settings (or give it when connecting).',
  },
  // The province's published catalog (issue 21).
  CATALOG_EMPTY: { vi: 'Danh mục chưa có thủ tục nào: không thể công bố danh mục rỗng.', en: 'The catalog holds no procedure: an empty catalog cannot be published.' },
  CATALOG_NOT_PUBLISHED: { vi: 'Tỉnh chưa công bố bản danh mục nào.', en: 'The province has not published any catalog edition yet.' },
  CATALOG_EDITION_STALE: {
    vi: 'Bản danh mục này cũ hơn bản văn phòng đang áp dụng hoặc đã có bản mới hơn. Tải lại trang để xem bản cập nhật mới nhất.',
    en: 'This catalog edition is older than the one applied, or a newer one arrived. Reload to see the latest update.',
  },
  CATALOG_EDITION_UNKNOWN: {
    vi: 'Văn phòng chưa nhận được bản danh mục này từ tỉnh. Bấm “Kiểm tra bản cập nhật” rồi thử lại.',
    en: 'The office has not received this catalog edition from the province. Check for updates, then try again.',
  },
  WEBHOOK_NOT_FOUND: { vi: 'Không tìm thấy địa chỉ nhận sự kiện (webhook); có thể đã bị xóa. Hãy tải lại trang.', en: 'Webhook endpoint not found; it may have been removed. Reload the page.' },
  WEBHOOK_URL_NOT_ALLOWED: {
    vi: 'Địa chỉ không được phép: chỉ dùng https://, hoặc http:// tới chính máy chủ này hay tới máy trong mạng nội bộ đã khai báo.',
    en: 'URL not allowed: use https://, or http:// to this machine or to a host listed as on the office LAN.',
  },
  DELIVERY_NOT_FOUND: { vi: 'Không tìm thấy lần gửi này. Hãy tải lại nhật ký gửi.', en: 'Delivery not found. Reload the delivery log.' },
  API_KEY_NOT_FOUND: { vi: 'Không tìm thấy khóa API; có thể đã bị xóa. Hãy tải lại trang.', en: 'API key not found. Reload the page.' },
  API_KEY_INVALID: { vi: 'Khóa API không đúng hoặc đã bị thu hồi.', en: 'The API key is wrong or has been revoked.' },
  API_KEY_SCOPE: { vi: 'Khóa API không có quyền gọi chức năng này.', en: 'The API key\'s scopes do not cover this route.' },
  INTERNAL_ERROR: { vi: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.', en: 'System error. Try again or tell the administrator.' },
};
