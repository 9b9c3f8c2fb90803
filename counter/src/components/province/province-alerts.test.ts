import { describe, expect, it } from 'vitest';
import type { ProvinceOffice } from '@shared/schemas/province';
import { provinceAlerts } from './province-alerts';

const office = (id: number, o: Partial<ProvinceOffice>): ProvinceOffice => ({
  id,
  code: `000.0${id}`,
  name: `Office ${id}`,
  state: 'enrolled',
  online: true,
  lastSeenAt: '2026-12-07T08:00:00.000Z',
  waiting: 0,
  longestWaitMinutes: 0,
  openCounters: 1,
  printersDown: 0,
  version: '0.1.0',
  clockSkewSeconds: 0,
  ...o,
});

describe('provinceAlerts', () => {
  it('puts offline offices first, then printers down, then clocks off by more than 2 minutes, then long waits (worst first); none for quiet or pending offices', () => {
    const alerts = provinceAlerts([
      office(1, { longestWaitMinutes: 45 }),
      office(2, { online: false, printersDown: 2 }),
      office(3, { printersDown: 1, longestWaitMinutes: 31 }),
      office(4, { longestWaitMinutes: 29 }),
      office(5, { state: 'pending', online: false }),
      office(6, { longestWaitMinutes: 60 }),
      office(7, { state: 'revoked', online: false }),
      office(8, { clockSkewSeconds: -121 }),
      office(9, { clockSkewSeconds: 120 }),
      office(10, { clockSkewSeconds: 300, online: false }),
    ]);
    expect(alerts).toEqual([
      { officeId: 2, kind: 'offline', value: 0 },
      { officeId: 10, kind: 'offline', value: 0 },
      { officeId: 3, kind: 'printers', value: 1 },
      { officeId: 8, kind: 'clock', value: -121 },
      { officeId: 6, kind: 'longWait', value: 60 },
      { officeId: 1, kind: 'longWait', value: 45 },
      { officeId: 3, kind: 'longWait', value: 31 },
    ]);
  });
});
