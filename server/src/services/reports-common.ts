import { MAX_REPORT_DAYS, periodDays, type Period } from '@shared/schemas/report';
import { fail } from '../errors';

/** Label of the group of tickets no counter/staff member has handled (still waiting, or cancelled unserved). */
export const NOT_SERVED_LABEL = 'Chưa được phục vụ';

/** Checks a requested period: real dates, from ≤ to, at most MAX_REPORT_DAYS. */
export function checkPeriod(from: string, to: string): Period {
  const real = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!real(from) || !real(to)) fail('INVALID_DATE_RANGE');
  const days = periodDays(from, to);
  if (days < 1 || days > MAX_REPORT_DAYS) fail('INVALID_DATE_RANGE');
  return { from, to, days };
}
