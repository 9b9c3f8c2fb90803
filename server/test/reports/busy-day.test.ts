import { describe, expect, it } from 'vitest';
import type { QueueReport } from '@shared/schemas/report';
import { simulateBusyDay } from '../simulation/busy-day';

describe('a simulated busy day through the real routes (accelerated clock, 15 counters)', () => {
  it('keeps numbering unique, closes every ticket at day end, and the queue report equals the raw counts', async () => {
    const day = await simulateBusyDay(200);
    try {
      expect(day.tickets).toBe(200);
      expect(day.duplicateNumbers).toBe(0);
      expect(day.notFinal).toBe(0);
      expect(day.served + day.noShows + day.cancelledAtDayEnd).toBe(200);
      const res = await day.app.inject({ method: 'GET', url: '/api/reports/queue?from=2026-11-23&to=2026-11-23&groupBy=counter', headers: { cookie: day.cookie } });
      expect(res.statusCode).toBe(200);
      const report = res.json() as QueueReport;
      expect(report.totals).toMatchObject({
        tickets: day.tickets,
        served: day.served,
        noShow: day.noShows,
        transferred: day.transferredTickets,
        cancelled: day.cancelledAtDayEnd,
        open: 0,
      });
      // Per counter, the rows add up to the totals.
      expect(report.rows.reduce((sum, r) => sum + r.served, 0)).toBe(day.served);
    } finally {
      await day.close();
    }
  }, 120_000);
});
