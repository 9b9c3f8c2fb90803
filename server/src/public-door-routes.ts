/**
 * What the public door (PUBLIC_PORT) serves besides the phone pages' files: the routes citizens use from home, by
 * method and route pattern as the router matches them (`/api/procedures/:id`, not a URL). Everything else, staff
 * and device routes and the OpenAPI document included, does not exist there. One list, so what faces the internet
 * can be read in one place; a test checks that every entry is a real route.
 */
export const PUBLIC_DOOR_ROUTES: ReadonlySet<string> = new Set([
  // The office's name, logo and languages in the pages' header.
  'GET /api/office',
  'GET /api/office/logo',
  // Procedure listing (thủ tục hành chính) and the form templates to download.
  'GET /api/fields',
  'GET /api/procedures',
  'GET /api/procedures/:id',
  'GET /api/forms/:name',
  // A ticket's live tracking page, and rating the visit by the QR on the ticket.
  'GET /api/track/:trackingId',
  'POST /api/ratings',
  // A dossier's status by its code and check code (the receipt's QR).
  'GET /api/dossiers/lookup/:code',
  'GET /api/privacy-notice',
  // Online appointments (đặt lịch hẹn): what can be booked, a day's slots, booking, one's own booking, cancelling it.
  // Check-in is the kiosk's and the day's list is staff's: not here.
  'GET /api/appointments/options',
  'GET /api/appointments/slots',
  'POST /api/appointments',
  'GET /api/appointments/:code',
  'POST /api/appointments/:code/cancel',
  // Short links encoded in QR codes.
  'GET /tra-cuu',
  'GET /tra-cuu/:id',
  'GET /t/:trackingId',
  'GET /h/:code',
  'GET /h/:code/:check',
]);
