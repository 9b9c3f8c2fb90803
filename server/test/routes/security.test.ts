import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, count, issue, login, staffAtCounter, TEST_PASSWORD } from '../helper';
import { pairDevice } from '../helper-devices';

describe('security: forced password change, devices, headers, audit', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeEach(async () => {
    t = await buildTestApp({ settings: { openLan: false } });
  });
  afterEach(async () => {
    await t.close();
  });

  it('makes a seeded account change its password before anything else', async () => {
    t.app.db.prepare("UPDATE users SET must_change_password = 1 WHERE username = 'canbo3'").run();
    const cookie = await login(t.app, 'canbo3');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await t.app.inject({ url: '/api/counters', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' } });
    expect(weak.statusCode).toBe(400);
    const same = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } });
    expect(same.json().code).toBe('WEAK_PASSWORD');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: 'sai', newPassword: 'mat-khau-moi-1' } });
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-1' } });
    expect(ok.json().mustChangePassword).toBe(false);
    expect((await t.app.inject({ url: '/api/counters', headers: { cookie } })).statusCode).toBe(200);
    expect((await login(t.app, 'canbo3', 'mat-khau-moi-1')).length).toBeGreaterThan(20);
  });

  it('signs a user out everywhere', async () => {
    const a = await login(t.app, 'canbo4');
    const b = await login(t.app, 'canbo4');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: { cookie: a } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: b } })).statusCode).toBe(401);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = 6')).toBe(0);
  });

  it('pairs a kiosk with a code; the kiosk then issues tickets; revoking it stops it at once', async () => {
    const admin = await login(t.app, 'admin');
    const refused = await issue(t.app, 1);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('DEVICE_NOT_PAIRED');
    const req = (await t.app.inject({ method: 'POST', url: '/api/devices/pairing', payload: { kind: 'kiosk' } })).json();
    expect(req.code).toMatch(/^\d{6}$/);
    expect((await t.app.inject({ url: `/api/devices/pairing/${req.pairingId}` })).json()).toEqual({ status: 'pending' });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/admin/devices', headers: { cookie: admin }, payload: { code: '000000', name: 'x' } });
    expect(wrong.json().code).toBe(req.code === '000000' ? undefined : 'PAIRING_CODE_INVALID');
    const paired = await t.app.inject({ method: 'POST', url: '/api/admin/devices', headers: { cookie: admin }, payload: { code: req.code, name: 'Kiosk sảnh chính' } });
    expect(paired.json()).toMatchObject({ name: 'Kiosk sảnh chính', kind: 'kiosk', revoked: false });
    const poll = await t.app.inject({ url: `/api/devices/pairing/${req.pairingId}` });
    expect(poll.json().status).toBe('paired');
    const cookie = poll.cookies.find((c) => c.name === 'motcua_device');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The token is handed over once.
    expect((await t.app.inject({ url: `/api/devices/pairing/${req.pairingId}` })).cookies).toEqual([]);
    const device = `motcua_device=${cookie?.value}`;
    const me = await t.app.inject({ url: '/api/devices/me', headers: { cookie: device } });
    expect(me.json()).toMatchObject({ device: { name: 'Kiosk sảnh chính', kind: 'kiosk' }, openLan: false });
    const ok = await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: device }, payload: { serviceId: 1 } });
    expect(ok.statusCode).toBe(201);
    // A display may not issue tickets.
    const display = await pairDevice(t.app, admin, 'display');
    expect((await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: display.cookie }, payload: { serviceId: 1 } })).json().code).toBe('FORBIDDEN');
    const revoked = await t.app.inject({ method: 'POST', url: `/api/admin/devices/${paired.json().id}/revoke`, headers: { cookie: admin } });
    expect(revoked.json().revoked).toBe(true);
    const after = await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: device }, payload: { serviceId: 1 } });
    expect(after.json().code).toBe('DEVICE_NOT_PAIRED');
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM tickets')).toBe(1);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('device.pair', 'device.revoke')")).toBe(3);
  });

  it('sends a same-origin CSP and security headers, and no CORS', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { origin: 'http://evil.example' } });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('writes an audit row for every kind of staff action, and the log cannot be edited', async () => {
    t.app.hub.queue.saveSettings({ ...t.app.hub.queue.settings(), openLan: true });
    const cookie = await staffAtCounter(t.app, 'canbo1', 1);
    for (let i = 0; i < 4; i++) await issue(t.app, 1);
    const post = (url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
    await post('/api/counters/1/call-next');
    await post('/api/counters/1/recall');
    await post('/api/counters/1/start');
    await post('/api/counters/1/finish');
    await post('/api/counters/1/call-next');
    await post('/api/counters/1/no-show');
    await post('/api/tickets/2/reactivate');
    await post('/api/counters/1/call', { ticketId: 3 });
    await post('/api/counters/1/park');
    await post('/api/tickets/4/transfer', { serviceId: 2 });
    await post('/api/tickets/4/cancel');
    await post('/api/counters/1/close');
    await post('/api/auth/logout');
    // Staff actions only: the hub's own jobs (the nightly retention run, due at start-up) write rows without a user.
    const actions = (t.app.db.prepare('SELECT DISTINCT action FROM audit_log WHERE user_id IS NOT NULL').all() as { action: string }[]).map((r) => r.action).sort();
    expect(actions).toEqual(
      [
        'auth.login',
        'auth.logout',
        'counter.close',
        'counter.open',
        'ticket.called',
        'ticket.cancel',
        'ticket.finished',
        'ticket.no_show',
        'ticket.parked',
        'ticket.reactivate',
        'ticket.recalled',
        'ticket.started',
        'ticket.transfer',
      ].sort(),
    );
    const row = t.app.db.prepare("SELECT * FROM audit_log WHERE action = 'ticket.recalled'").get() as Record<string, unknown>;
    expect(row).toMatchObject({ user_id: 3, target_type: 'ticket', target_id: '1', ip: '127.0.0.1' });
    expect(() => t.app.db.prepare('UPDATE audit_log SET action = ?').run('x')).toThrow(/append-only/);
    expect(() => t.app.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    const sup = await login(t.app, 'giamsat');
    const found = await t.app.inject({ url: '/api/admin/audit?action=ticket.&q=A001&limit=50', headers: { cookie: sup } });
    expect(found.statusCode).toBe(200);
    const entries = found.json() as { action: string; username: string; details: { number: string } }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.action.startsWith('ticket.') && e.details.number === 'A001' && e.username === 'canbo1')).toBe(true);
  });
});
