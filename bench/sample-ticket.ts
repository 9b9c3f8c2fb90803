import type { TicketPrint } from '../server/src/printing/ticket-print';

/** The ticket the printing baselines render: a realistic office name and service, every item shown. */
export const SAMPLE_TICKET: TicketPrint = {
  officeName: 'Trung tâm Phục vụ hành chính công phường Hòa Bình',
  serviceName: 'Hộ tịch',
  number: 'A001',
  priorityLabel: null,
  peopleAhead: 3,
  estimatedWaitMinutes: 12,
  issuedAt: '23/11/2026 09:00',
  trackingUrl: 'http://bench.local/t/AbCdEfGhIjKlMnOp',
};
