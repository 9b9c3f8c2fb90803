import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IssuedTicket } from '@shared/schemas/ticket';
import { useDeviceStore } from '@ui/stores/device';
import { useQueueStore } from '@ui/stores/queue';
import { makeIssuedTicket, makeOffice, makeSnapshot } from '@ui/testing/fixtures';
import { useKioskStore } from './kiosk';
import { useLookupStore } from './lookup';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A fetch stub whose reply the test releases when it wants, to look at the state in between. */
function deferredFetch() {
  let release: (r: Response) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  const fetchMock = vi.fn(
    () =>
      new Promise<Response>((resolve, reject) => {
        release = resolve;
        fail = reject;
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, reply: (status: number, body: unknown) => release(jsonResponse(status, body)), fail: (e: unknown) => fail(e) };
}

describe('kiosk store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    const queue = useQueueStore();
    queue.applySnapshot(makeSnapshot());
    queue.connected = true;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('goes service → priority step → ticket, showing the ticket only after the 201 reply', async () => {
    const kiosk = useKioskStore();
    const { fetchMock, reply } = deferredFetch();
    kiosk.chooseService(1);
    expect(kiosk.step).toBe('priority');
    expect(kiosk.service?.nameVi).toBe('Hộ tịch');

    const done = kiosk.issue('elderly');
    expect(kiosk.pending).toBe(true);
    expect(kiosk.step).toBe('priority');
    expect(kiosk.ticket).toBeNull();
    await kiosk.issue(null);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/tickets');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ serviceId: 1, priorityGroup: 'elderly' });

    const issued: IssuedTicket = makeIssuedTicket({ number: 'A013', priorityGroup: 'elderly' });
    reply(201, issued);
    await done;
    expect(kiosk.pending).toBe(false);
    expect(kiosk.step).toBe('ticket');
    expect(kiosk.ticket?.number).toBe('A013');

    kiosk.reset();
    expect(kiosk.step).toBe('home');
    expect(kiosk.ticket).toBeNull();
    expect(kiosk.serviceId).toBeNull();
  });

  it('sends no priority group for a normal ticket', async () => {
    const kiosk = useKioskStore();
    const { fetchMock, reply } = deferredFetch();
    kiosk.chooseService(2);
    const done = kiosk.issue(null);
    reply(201, makeIssuedTicket({ number: 'B001', serviceId: 2 }));
    await done;
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ serviceId: 2 });
    expect(kiosk.ticket?.number).toBe('B001');
  });

  it('shows the error code of a refused ticket and no ticket', async () => {
    const kiosk = useKioskStore();
    const { reply } = deferredFetch();
    kiosk.chooseService(1);
    const done = kiosk.issue(null);
    reply(409, { code: 'DAILY_LIMIT_REACHED', message: 'limit' });
    await done;
    expect(kiosk.step).toBe('error');
    expect(kiosk.failure).toBe('DAILY_LIMIT_REACHED');
    expect(kiosk.ticket).toBeNull();
    expect(kiosk.pending).toBe(false);
  });

  it('hands over to the pairing screen when the hub says this kiosk is not paired (revoked)', async () => {
    const kiosk = useKioskStore();
    const device = useDeviceStore();
    const lost = vi.spyOn(device, 'lost').mockImplementation(() => undefined);
    const { reply } = deferredFetch();
    kiosk.chooseService(1);
    const done = kiosk.issue(null);
    reply(401, { code: 'DEVICE_NOT_PAIRED', message: 'not paired' });
    await done;
    expect(lost).toHaveBeenCalledTimes(1);
    expect(kiosk.step).toBe('home');
    expect(kiosk.failure).toBeNull();
    expect(kiosk.pending).toBe(false);
  });

  it('reports NETWORK when the hub cannot be reached', async () => {
    const kiosk = useKioskStore();
    const { fail } = deferredFetch();
    kiosk.chooseService(1);
    const done = kiosk.issue(null);
    fail(new TypeError('Failed to fetch'));
    await done;
    expect(kiosk.step).toBe('error');
    expect(kiosk.failure).toBe('NETWORK');
  });

  it('issues nothing while offline, while closed, or for a service without tickets left', async () => {
    const kiosk = useKioskStore();
    const queue = useQueueStore();
    const { fetchMock } = deferredFetch();

    kiosk.chooseService(7);
    expect(kiosk.step).toBe('home');

    queue.connected = false;
    kiosk.chooseService(1);
    expect(kiosk.step).toBe('home');

    queue.connected = true;
    kiosk.chooseService(1);
    expect(kiosk.step).toBe('priority');
    queue.connected = false;
    await kiosk.issue(null);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(kiosk.step).toBe('priority');

    kiosk.back();
    queue.connected = true;
    queue.office = makeOffice({ issuingOpen: false });
    expect(kiosk.canIssue).toBe(false);
    kiosk.chooseService(1);
    expect(kiosk.step).toBe('home');
  });

  it('ignores Back while the request runs', () => {
    const kiosk = useKioskStore();
    deferredFetch();
    kiosk.chooseService(1);
    void kiosk.issue(null);
    kiosk.back();
    expect(kiosk.step).toBe('priority');
    expect(kiosk.serviceId).toBe(1);
  });

  it('takes a ticket from the lookup: priority step for the procedure’s service, Back returns to the procedure', () => {
    const kiosk = useKioskStore();
    const lookup = useLookupStore();
    deferredFetch();
    kiosk.openLookup();
    expect(kiosk.step).toBe('lookup');
    lookup.view = 'detail';

    kiosk.chooseService(7); // no tickets left today
    expect(kiosk.step).toBe('lookup');
    kiosk.chooseService(2);
    expect(kiosk.step).toBe('priority');
    expect(kiosk.service?.nameVi).toBe('Chứng thực');

    kiosk.back();
    expect(kiosk.step).toBe('lookup');
    expect(kiosk.serviceId).toBeNull();
    expect(lookup.view).toBe('detail');

    // Idle timeout / reset: home, and the next citizen starts the lookup afresh.
    kiosk.reset();
    expect(kiosk.step).toBe('home');
    expect(lookup.view).toBe('browse');
    kiosk.chooseService(1);
    kiosk.back();
    expect(kiosk.step).toBe('home');
  });
});
