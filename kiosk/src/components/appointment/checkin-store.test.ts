import { describe, expect, it } from 'vitest';
import { jsonReply, useFetchMock } from '@ui/testing/fetch-mock';
import { useCheckInStore } from './checkin-store';

const TICKET = {
  id: 7,
  number: 'A001',
  serviceId: 1,
  serviceNameVi: 'Hộ tịch',
  serviceNameEn: 'Civil status',
  status: 'waiting',
  priorityGroup: 'appointment',
  issuedAt: '2026-11-23T02:40:00.000Z',
  peopleAhead: 0,
  estimatedWaitMinutes: 0,
  counterNumbers: [1],
  trackingId: 'abc',
  trackingUrl: 'http://hub/t/abc',
};

describe('kiosk check-in by booking code', () => {
  const fetchMock = useFetchMock();

  it('takes the code out of a typed code or a scanned link, and returns the committed ticket', async () => {
    const store = useCheckInStore();
    fetchMock.mockResolvedValue(jsonReply({ ticket: TICKET, late: false }, 201));
    store.setTyped('HTTP://HUB.TEST/KIOSK/PHONE/#/LICH-HEN/K7MQ2X');
    const reply = await store.submit();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/appointments/K7MQ2X/check-in');
    expect(reply?.ticket.number).toBe('A001');
    expect(store.problem).toBeNull();
  });

  it('asks nothing of the hub for a text that is no code', async () => {
    const store = useCheckInStore();
    store.setTyped('K0MQ2');
    expect(await store.submit()).toBeNull();
    expect(store.problem).toEqual({ kind: 'format' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('too early: keeps the slot and window times to say when to come back; other refusals by code', async () => {
    const store = useCheckInStore();
    fetchMock.mockResolvedValueOnce(
      jsonReply({ code: 'TOO_EARLY', message: '…', details: { start: '2026-11-23T04:00:00.000Z', checkInFrom: '2026-11-23T03:30:00.000Z' } }, 409),
    );
    store.setTyped('k7m q2x');
    expect(await store.submit()).toBeNull();
    expect(store.problem).toEqual({ kind: 'early', start: '2026-11-23T04:00:00.000Z', from: '2026-11-23T03:30:00.000Z' });
    fetchMock.mockResolvedValueOnce(jsonReply({ code: 'APPOINTMENT_CANCELLED', message: '…' }, 409));
    await store.submit();
    expect(store.problem).toEqual({ kind: 'code', code: 'APPOINTMENT_CANCELLED' });
  });

  // Synthetic card (invented person; the number's digits agree with the female, 1990 fields).
  const CARD = '001190012345|123456789|Đỗ Thị Mẫu|01021990|Nữ|Số 2 Ngõ Thử, Hà Nội|05062022';

  it('a scanned CCCD checks in by its ID number only, and nothing of the card stays', async () => {
    const store = useCheckInStore();
    fetchMock.mockResolvedValueOnce(jsonReply({ ticket: TICKET, late: false }, 201));
    store.setTyped(CARD);
    expect(store.typed).toBe(CARD);
    const reply = await store.submit();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/appointments/check-in-by-id-card');
    expect(JSON.parse(String((fetchMock.mock.calls[0]?.[1] as RequestInit).body))).toEqual({ idNumber: '001190012345' });
    expect(reply?.ticket.number).toBe('A001');
    expect(store.typed).toBe('');
  });

  it('an unreadable card asks nothing of the hub; no booking today is told as such', async () => {
    const store = useCheckInStore();
    store.setTyped('12345|Đỗ Thị Mẫu');
    expect(await store.submit()).toBeNull();
    expect(store.problem).toEqual({ kind: 'card' });
    expect(fetchMock).not.toHaveBeenCalled();
    fetchMock.mockResolvedValueOnce(jsonReply({ code: 'APPOINTMENT_NOT_FOUND', message: '…' }, 404));
    store.setTyped(CARD);
    await store.submit();
    expect(store.problem).toEqual({ kind: 'code', code: 'APPOINTMENT_NOT_FOUND', byCard: true });
    expect(store.typed).toBe('');
  });
});
