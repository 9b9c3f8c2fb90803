import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page shows live data (pushed over Socket.IO): it shows a connection indicator itself. */
    live?: boolean;
  }
}

/**
 * The citizen phone pages, one line each, every page a lazy chunk (a phone downloads only the page it opens).
 * Hash history: the hub serves kiosk/phone/index.html as a static file, and short links (/tra-cuu/:id, see
 * server/src/routes/public-links.ts) redirect to `/kiosk/phone/#/…`.
 */
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'procedures', component: () => import('./procedures/ProceduresPage.vue') },
  { path: '/thu-tuc/:id(\\d+)', name: 'procedure', component: () => import('./procedures/ProcedurePage.vue'), props: (r) => ({ id: Number(r.params.id) }) },
  // Ticket tracking (the QR on the ticket, via /t/:trackingId) and rating by QR: live pages, light chunks.
  { path: '/ve/:trackingId', name: 'track', component: () => import('./track/TrackPage.vue'), props: true, meta: { live: true } },
  { path: '/danh-gia/:trackingId', name: 'rate', component: () => import('./track/RatePage.vue'), props: true },
  // Dossier status (the QR on the receipt, via /h/:code/:check): status and dates, nothing personal. Without the check
  // code (receipts printed before it, a typed code) the page asks for it.
  { path: '/ho-so/:code/:check?', name: 'dossier', component: () => import('./dossier/DossierStatusPage.vue'), props: (r) => ({ code: String(r.params.code), check: r.params.check ? String(r.params.check) : '' }) },
  { path: '/ho-so', name: 'dossier-lookup', component: () => import('./dossier/DossierStatusPage.vue'), props: { code: '', check: '' } },
  // Online appointments: booking (from a procedure's page with ?thu-tuc=), and one's own booking (the QR, the confirmation).
  { path: '/dat-lich', name: 'book', component: () => import('./appointments/BookPage.vue'), props: (r) => ({ procedureId: Number(r.query['thu-tuc']) > 0 ? Number(r.query['thu-tuc']) : null }) },
  { path: '/lich-hen/:code?', name: 'appointment', component: () => import('./appointments/AppointmentPage.vue'), props: (r) => ({ code: String(r.params.code ?? ''), token: typeof r.query.t === 'string' ? r.query.t : '' }) },
  // Keep last: any other address.
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./NotFoundPage.vue') },
];

/** The phone app's router. */
export function createPhoneRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
}
