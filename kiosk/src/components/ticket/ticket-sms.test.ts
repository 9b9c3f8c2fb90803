import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTicketSmsStore } from './ticket-sms';

const json = (status: number, body: unknown) => new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the kiosk ticket\'s SMS opt-in store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('offers only when the hub says a gateway is on; an answer arriving after forget is ignored', async () => {
    let release: (r: Response) => void = () => undefined;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (release = resolve))));
    const sms = useTicketSmsStore();
    const pending = sms.check();
    sms.forget(); // the citizen went home before the hub answered
    release(json(200, { available: true }));
    await pending;
    expect(sms.available).toBe(false);
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('offline'))));
    await sms.check();
    expect(sms.available).toBe(false);
    sms.start();
    expect(sms.open).toBe(false);
  });

  it('takes ten digits at most, sends the national form with consent, then keeps only the last three digits', async () => {
    const fetchMock = vi.fn((url: string) => Promise.resolve(url.endsWith('/available') ? json(200, { available: true }) : new Response(null, { status: 204 })));
    vi.stubGlobal('fetch', fetchMock);
    const sms = useTicketSmsStore();
    await sms.check();
    sms.start();
    for (const d of '09876543210x') sms.type(d);
    expect(sms.digits).toBe('0987654321');
    expect(await sms.confirm('trk_abc')).toBe(true);
    const [url, init] = fetchMock.mock.calls.at(-1) as unknown as [string, RequestInit];
    expect([url, init.method, JSON.parse(String(init.body))]).toEqual(['/api/track/trk_abc/phone', 'PUT', { phone: '0987654321', consent: true }]);
    expect({ open: sms.open, digits: sms.digits, doneFor: sms.doneFor }).toEqual({ open: false, digits: '', doneFor: '321' });
    sms.forget();
    expect({ available: sms.available, doneFor: sms.doneFor }).toEqual({ available: false, doneFor: null });
  });

  it('says why the hub refused: a ticket no longer waiting, no answer; a number that is not a mobile is not sent', async () => {
    const fetchMock = vi.fn((url: string) => Promise.resolve(url.endsWith('/available') ? json(200, { available: true }) : json(409, { code: 'INVALID_TRANSITION', message: 'x' })));
    vi.stubGlobal('fetch', fetchMock);
    const sms = useTicketSmsStore();
    await sms.check();
    sms.start();
    for (const d of '0243825123') sms.type(d);
    expect(await sms.confirm('trk_abc')).toBe(false);
    expect(sms.problem).toBe('number');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    sms.clear();
    for (const d of '0912345678') sms.type(d);
    expect(await sms.confirm('trk_abc')).toBe(false);
    expect({ problem: sms.problem, open: sms.open, digits: sms.digits }).toEqual({ problem: 'ticket', open: true, digits: '0912345678' });
    fetchMock.mockImplementation(() => Promise.reject(new TypeError('offline')));
    expect(await sms.confirm('trk_abc')).toBe(false);
    expect(sms.problem).toBe('network');
    sms.cancel();
    expect({ open: sms.open, digits: sms.digits }).toEqual({ open: false, digits: '' });
  });
});
