import { describe, expect, it } from 'vitest';
import { jsonReply as reply, useFetchMock } from '@ui/testing/fetch-mock';
import { minutesSince } from './monitor';
import { queueReportQuery, useReportsStore } from './reports';

describe('reports store', () => {
  const fetchMock = useFetchMock();
  const urlOf = (call: number) => new URL(String(fetchMock.mock.calls[call]?.[0]), 'http://hub');

  it('loads this month in the office time zone and builds the download links of the report shown', async () => {
    const reports = useReportsStore();
    fetchMock.mockImplementation(() => Promise.resolve(reply({ period: { from: '2026-12-01', to: '2026-12-03', days: 3 } })));
    // 00:30 on 03/12 in Hà Nội is still 02/12 in UTC.
    await reports.usePreset('thisMonth', new Date('2026-12-02T17:30:00Z'), 'Asia/Ho_Chi_Minh');
    expect(urlOf(0).pathname).toBe('/api/reports/queue');
    expect(Object.fromEntries(urlOf(0).searchParams)).toEqual({ from: '2026-12-01', to: '2026-12-03', groupBy: 'service' });
    expect(reports.ready).toBe(true);
    expect(reports.downloadUrl('xlsx')).toBe('/api/reports/queue?from=2026-12-01&to=2026-12-03&groupBy=service&format=xlsx');

    await reports.show('dossiers');
    expect(urlOf(1).pathname).toBe('/api/reports/dossiers');
    expect(reports.dossiers).not.toBeNull();
    expect(reports.downloadUrl('csv')).toBe('/api/reports/dossiers?from=2026-12-01&to=2026-12-03&format=csv');
  });

  it('keeps the hub’s error code, and drops a late reply to an older request', async () => {
    const reports = useReportsStore();
    fetchMock.mockResolvedValueOnce(reply({ code: 'INVALID_DATE_RANGE', message: 'x' }, 400));
    await reports.choose({ from: '2026-12-05', to: '2026-12-01' });
    expect(reports.errorCode).toBe('INVALID_DATE_RANGE');

    let slow: (r: Response) => void = () => {};
    fetchMock.mockReturnValueOnce(new Promise((resolve) => (slow = resolve)));
    fetchMock.mockResolvedValueOnce(reply({ groupBy: 'hour' }));
    const first = reports.choose({ from: '2026-11-01', to: '2026-11-30' }, 'day');
    await reports.choose({ from: '2026-11-01', to: '2026-11-30' }, 'hour');
    slow(reply({ groupBy: 'day' }));
    await first;
    expect(reports.report?.groupBy).toBe('hour');
    expect(reports.errorCode).toBeNull();
  });

  it('formats the query and counts minutes on the hub clock', () => {
    expect(queueReportQuery({ from: '2026-11-01', to: '2026-11-30' }, 'staff', 'csv')).toBe('from=2026-11-01&to=2026-11-30&groupBy=staff&format=csv');
    const now = Date.parse('2026-11-23T02:00:00Z');
    expect(minutesSince('2026-11-23T01:30:00Z', now, 0)).toBe(30);
    // The browser clock is 2 minutes behind the hub.
    expect(minutesSince('2026-11-23T01:30:00Z', now, 120_000)).toBe(32);
    expect(minutesSince(null, now, 0)).toBeNull();
  });
});
