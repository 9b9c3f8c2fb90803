import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@shared/schemas/auth';
import { useSessionStore } from './session';

vi.mock('../socket', () => ({ startCounterHub: vi.fn(), stopCounterHub: vi.fn() }));
const { startCounterHub, stopCounterHub } = await import('../socket');

const me = (over: Partial<Me> = {}): Me => ({
  id: 7,
  username: 'canbo7',
  fullName: 'Trần Thị Bảy',
  role: 'staff',
  counterId: null,
  mustChangePassword: false,
  ...over,
});

function reply(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status });
}

const callsOf = (fetchMock: ReturnType<typeof vi.fn<typeof fetch>>) =>
  fetchMock.mock.calls.map(([path, init]) => `${init?.method} ${String(path)}${init?.body ? ` ${String(init.body)}` : ''}`);

describe('session store', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
    vi.mocked(startCounterHub).mockClear();
    vi.mocked(stopCounterHub).mockClear();
    localStorage.clear();
    setActivePinia(createPinia());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('holds an account that must change its password away from every other screen, then lets it work', async () => {
    const session = useSessionStore();
    fetchMock.mockResolvedValueOnce(reply(200, me({ mustChangePassword: true })));
    expect(await session.login('canbo7', 'demo-pass')).toBe(true);
    expect(session.me).toBeNull();
    expect(session.passwordChangeFor?.fullName).toBe('Trần Thị Bảy');

    fetchMock.mockResolvedValueOnce(reply(400, { code: 'WEAK_PASSWORD', message: 'weak' }));
    expect(await session.changePassword('demo-pass', 'demo-pass')).toBe(false);
    expect(session.errorCode).toBe('WEAK_PASSWORD');
    expect(session.me).toBeNull();

    fetchMock.mockResolvedValueOnce(reply(200, me()));
    expect(await session.changePassword('demo-pass', 'mat-khau-moi-2025')).toBe(true);
    expect(session.errorCode).toBeNull();
    expect(session.passwordChangeFor).toBeNull();
    expect(session.me?.username).toBe('canbo7');
    expect(session.counterId).toBeNull();
    expect(callsOf(fetchMock)).toEqual([
      'POST /api/auth/login {"username":"canbo7","password":"demo-pass"}',
      'POST /api/auth/password {"currentPassword":"demo-pass","newPassword":"demo-pass"}',
      'POST /api/auth/password {"currentPassword":"demo-pass","newPassword":"mat-khau-moi-2025"}',
    ]);
  });

  it('asks for the password change again after a reload, and never opens the counter before', async () => {
    const session = useSessionStore();
    fetchMock.mockResolvedValueOnce(reply(200, me({ mustChangePassword: true })));
    await session.resume();
    expect(session.checked).toBe(true);
    expect(session.me).toBeNull();
    expect(session.passwordChangeFor?.username).toBe('canbo7');
    expect(startCounterHub).not.toHaveBeenCalled();
  });

  it('resumes straight to the open counter when no change is needed', async () => {
    const session = useSessionStore();
    fetchMock.mockResolvedValueOnce(reply(200, me({ counterId: 2 })));
    await session.resume();
    expect(session.passwordChangeFor).toBeNull();
    expect(session.counterId).toBe(2);
    expect(startCounterHub).toHaveBeenCalledWith(2, expect.any(Function));
  });

  it('keeps the lockout code for the sign-in form', async () => {
    const session = useSessionStore();
    fetchMock.mockResolvedValueOnce(reply(429, { code: 'ACCOUNT_LOCKED', message: 'locked' }));
    expect(await session.login('canbo7', 'sai')).toBe(false);
    expect(session.errorCode).toBe('ACCOUNT_LOCKED');
    expect(session.me).toBeNull();
  });

  it('signs out everywhere and forgets the account', async () => {
    const session = useSessionStore();
    session.me = me();
    session.counters = [];
    fetchMock.mockResolvedValueOnce(reply(204));
    expect(await session.logoutEverywhere()).toBe(true);
    expect(callsOf(fetchMock)).toEqual(['POST /api/auth/logout-all']);
    expect(session.me).toBeNull();
    expect(stopCounterHub).toHaveBeenCalled();
  });

  it('signs out from the password change screen', async () => {
    const session = useSessionStore();
    session.passwordChangeFor = me({ mustChangePassword: true });
    fetchMock.mockResolvedValueOnce(reply(204));
    expect(await session.logout()).toBe(true);
    expect(callsOf(fetchMock)).toEqual(['POST /api/auth/logout']);
    expect(session.passwordChangeFor).toBeNull();
  });
});
