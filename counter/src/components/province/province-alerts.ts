import type { ProvinceOffice } from '@shared/schemas/province';

/** What the province must look at, most severe first. */
export type ProvinceAlertKind = 'offline' | 'printers' | 'clock' | 'longWait';
export interface ProvinceAlert {
  officeId: number;
  kind: ProvinceAlertKind;
  /** The figure behind it: minutes waited, printers down, seconds of clock skew (0 for offline). */
  value: number;
}

/** An office's longest wait from this many minutes is an alert (quality.md's "waited too long" of the live monitor). */
export const LONG_WAIT_MINUTES = 30;
/** An office clock this many seconds off the province's is an alert: its tickets' times and the day's close drift. */
export const CLOCK_SKEW_SECONDS = 120;
const SEVERITY: Record<ProvinceAlertKind, number> = { offline: 0, printers: 1, clock: 2, longWait: 3 };

/**
 * The alerts of the live board: an enrolled office that stopped sending heartbeats, printers down, a clock more than
 * 2 minutes off, a citizen waiting too long. Offices not enrolled yet raise none. Sorted by severity, then by how bad, then by office.
 */
export function provinceAlerts(offices: readonly ProvinceOffice[]): ProvinceAlert[] {
  const alerts: ProvinceAlert[] = [];
  for (const o of offices) {
    if (o.state !== 'enrolled') continue;
    if (!o.online) {
      alerts.push({ officeId: o.id, kind: 'offline', value: 0 });
      continue;
    }
    if (o.printersDown > 0) alerts.push({ officeId: o.id, kind: 'printers', value: o.printersDown });
    const skew = o.clockSkewSeconds ?? 0;
    if (Math.abs(skew) > CLOCK_SKEW_SECONDS) alerts.push({ officeId: o.id, kind: 'clock', value: skew });
    if (o.longestWaitMinutes >= LONG_WAIT_MINUTES) alerts.push({ officeId: o.id, kind: 'longWait', value: o.longestWaitMinutes });
  }
  return alerts.sort((a, b) => SEVERITY[a.kind] - SEVERITY[b.kind] || Math.abs(b.value) - Math.abs(a.value) || a.officeId - b.officeId);
}
