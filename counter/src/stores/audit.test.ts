import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/schemas/audit';
import { jsonReply as reply, useFetchMock } from '@ui/testing/fetch-mock';
import { emptyAuditFilters } from '../audit-query';
import { AUDIT_PAGE_SIZE, useAuditStore } from './audit';

const entry = (id: number): AuditEntry => ({
  id,
  at: '2026-11-23T01:30:00.000Z',
  userId: 2,
  username: 'canbo1',
  fullName: 'Nguyễn Văn An',
  deviceId: null,
  ip: '10.0.0.5',
  action: 'ticket.called',
  targetType: 'ticket',
  targetId: String(id),
  details: { number: 'A001' },
});
/** Ids from `first` downwards: newest first, as the hub answers. */
const page = (first: number, n: number) => Array.from({ length: n }, (_, i) => entry(first - i));

describe('audit store', () => {
  const fetchMock = useFetchMock();

  const queryOf = (call: number) => new URL(String(fetchMock.mock.calls[call]?.[0]), 'http://hub').searchParams;

  it('searches with the filters read in the office time zone, then pages with beforeId', async () => {
    const audit = useAuditStore();
    fetchMock.mockResolvedValueOnce(reply(page(200, AUDIT_PAGE_SIZE)));
    await audit.search({ ...emptyAuditFilters(), from: '23/11/2026', to: '24/11/2026', userId: 2, action: 'ticket.', q: ' A001 ' }, 'Asia/Ho_Chi_Minh');

    const q = queryOf(0);
    expect(q.get('from')).toBe('2026-11-22T17:00:00.000Z');
    expect(q.get('to')).toBe('2026-11-24T17:00:00.000Z');
    expect(q.get('userId')).toBe('2');
    expect(q.get('action')).toBe('ticket.');
    expect(q.get('q')).toBe('A001');
    expect(q.get('limit')).toBe(String(AUDIT_PAGE_SIZE));
    expect(q.has('beforeId')).toBe(false);
    expect(audit.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(audit.hasMore).toBe(true);

    fetchMock.mockResolvedValueOnce(reply(page(150, 3)));
    await audit.loadMore();
    expect(queryOf(1).get('beforeId')).toBe('151');
    expect(queryOf(1).get('action')).toBe('ticket.');
    expect(audit.entries.map((e) => e.id).slice(-4)).toEqual([151, 150, 149, 148]);
    expect(audit.hasMore).toBe(false);

    await audit.loadMore();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('a new search replaces the list; a refusal is kept as a code', async () => {
    const audit = useAuditStore();
    fetchMock.mockResolvedValueOnce(reply(page(10, 2)));
    await audit.search(emptyAuditFilters(), 'Asia/Ho_Chi_Minh');
    expect(queryOf(0).toString()).toBe(`limit=${AUDIT_PAGE_SIZE}`);
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ code: 'FORBIDDEN', message: 'x' }), { status: 403 }));
    await audit.search({ ...emptyAuditFilters(), q: 'x' }, 'Asia/Ho_Chi_Minh');
    expect(audit.entries).toEqual([]);
    expect(audit.errorCode).toBe('FORBIDDEN');
    expect(audit.filters.q).toBe('x');
  });
});
