import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../durability/hub-process';
import { count, issue, staffAtCounter, wrongToken } from '../helper';
import { eventually, linkedHubs, type TestApp } from './linked-hubs';

const DAY = '2026-11-23';
const CODE = '000.50.26.H26';

/**
 * The office side of issue 21 against a real province hub listening on a real port: enrolment through the office
 * admin's PUT, coded refusals with nothing written, the day's figures flowing up through the outbox equal to the
 * office's own report, the heartbeat, a revoked credential shown as an error with events kept, and disconnecting.
 */
describe('an office hub linked to its province hub', () => {
  const hubs = linkedHubs();
  let province: TestApp;
  let office: TestApp;
  let provinceUrl = '';
  let pAdmin = '';
  let oAdmin = '';
  beforeAll(() => {
    ({ province, office, provinceUrl, pAdmin, oAdmin } = hubs);
  });

  const send = (t: TestApp, cookie: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) }).then((r) => ({ status: r.statusCode, body: r.body ? r.json() : null, raw: r.body }));
  const link = async () => (await send(office, oAdmin, 'GET', '/api/admin/province')).body as { state: string; pendingEvents: number; lastSyncAt: string | null; lastError: string | null; url: string | null };
  const addOffice = async (code = CODE) => (await send(province, pAdmin, 'POST', '/api/province/offices', { name: 'UBND xã Thử', code })).body as { id: number; enrollToken: string };
  const provinceTotals = async () =>
    ((await send(province, pAdmin, 'GET', `/api/province/reports/queue?from=${DAY}&to=${DAY}`)).body as { offices: { code: string; tickets: number; served: number; noShow: number }[] }).offices.find((o) => o.code === CODE);
  const officeTotals = async () => {
    const r = (await send(office, oAdmin, 'GET', `/api/reports/queue?from=${DAY}&to=${DAY}`)).body as { totals: { tickets: number; served: number; noShow: number } };
    return { tickets: r.totals.tickets, served: r.totals.served, noShow: r.totals.noShow };
  };
  const linkRows = () => count(office.app, 'SELECT COUNT(*) AS n FROM province_link');

  it('starts off, and refuses a bad address, a missing unit code, an unreachable province and a wrong token with nothing written', async () => {
    expect(await link()).toMatchObject({ state: 'off', url: null, pendingEvents: 0 });
    const { enrollToken } = await addOffice();
    const put = (body: object) => send(office, oAdmin, 'PUT', '/api/admin/province', body);
    expect(await put({ url: 'ftp://tinh.gov.vn', enrollToken, code: CODE })).toMatchObject({ status: 400, body: { code: 'PROVINCE_URL_INVALID' } });
    // Plain HTTP to a host not listed as on the LAN would carry the credential in clear.
    expect(await put({ url: 'http://tinh.example.vn', enrollToken, code: CODE })).toMatchObject({ status: 400, body: { code: 'PROVINCE_URL_INVALID' } });
    expect(await put({ url: provinceUrl, enrollToken })).toMatchObject({ status: 400, body: { code: 'UNIT_CODE_REQUIRED' } });
    // A unit code the settings accept but the province cannot (too short): said plainly, not as a wrong token.
    office.app.hub.queue.saveSettings({ ...office.app.hub.queue.settings(), unitCode: 'AB' });
    expect(await put({ url: provinceUrl, enrollToken })).toMatchObject({ status: 400, body: { code: 'UNIT_CODE_REQUIRED' } });
    expect(await put({ url: `http://127.0.0.1:${await freePort()}`, enrollToken, code: CODE })).toMatchObject({ status: 422, body: { code: 'PROVINCE_UNREACHABLE' } });
    const wrong = await put({ url: provinceUrl, enrollToken: wrongToken(enrollToken), code: CODE });
    expect(wrong).toMatchObject({ status: 422, body: { code: 'PROVINCE_TOKEN_REFUSED' } });
    expect(wrong.body.message).toMatch(/mã kết nối/);
    // The office hub is not a province hub: its /api/province/enroll does not exist.
    const self = await office.app.listen({ port: 0, host: '127.0.0.1' });
    expect(await put({ url: self, enrollToken, code: CODE })).toMatchObject({ status: 400, body: { code: 'PROVINCE_URL_INVALID' } });
    expect(linkRows()).toBe(0);
    expect(await link()).toMatchObject({ state: 'off' });

    // The right token (the unit code from the office settings) connects; the credential is never shown.
    office.app.hub.queue.saveSettings({ ...office.app.hub.queue.settings(), unitCode: CODE });
    const ok = await put({ url: `${provinceUrl}/`, enrollToken });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ url: provinceUrl, code: CODE });
    const credential = (office.app.db.prepare('SELECT credential FROM province_link').get() as { credential: string }).credential;
    expect(credential.length).toBeGreaterThan(20);
    expect(ok.raw).not.toContain(credential);
    expect((await send(office, oAdmin, 'GET', '/api/admin/province')).raw).not.toContain(credential);
    expect(count(office.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'admin.province_connect'")).toBe(1);
    // The heartbeat arrives: the province's board shows the office online.
    await eventually(async () => {
      const list = (await send(province, pAdmin, 'GET', '/api/province/offices')).body as { code: string; online: boolean; version: string | null }[];
      return list.some((o) => o.code === CODE && o.online && o.version !== null);
    }, 5000, 'heartbeat');
    // The seeded dossiers' events (the retained stream) go up first: connected once they are through.
    await eventually(async () => (await link()).state === 'connected', 5000, 'connected');
  });

  it("sends the day's figures as the office's own report says them, through issue, call, finish, no-show and transfer", async () => {
    const c1 = await staffAtCounter(office.app, 'canbo1', 1);
    for (const s of [1, 1, 2, 1]) expect((await issue(office.app, s)).status).toBe(201);
    const act = async (action: string, payload?: object) => expect((await send(office, c1, 'POST', `/api/counters/1/${action}`, payload)).status, action).toBe(200);
    await act('call-next');
    office.clock.advance(4 * 60_000);
    await act('finish');
    await act('call-next');
    await act('no-show');
    await act('call-next');
    await act('finish');
    // The last one is called, then sent to another service: it still counts under the service it was issued for.
    const called = (await send(office, c1, 'POST', '/api/counters/1/call-next')).body as { ticket: { id: number; serviceId: number } };
    const other = called.ticket.serviceId === 1 ? 2 : 1;
    expect((await send(office, c1, 'POST', `/api/tickets/${called.ticket.id}/transfer`, { serviceId: other })).status).toBe(200);
    await act('call-next');
    await act('finish');
    const own = await officeTotals();
    expect(own).toEqual({ tickets: 4, served: 3, noShow: 1 });
    await eventually(async () => (await link()).pendingEvents === 0 && (await provinceTotals())?.served === 3, 8000, 'sync');
    expect(await provinceTotals()).toMatchObject(own);
    // Per service too: the province's rows equal the office's report rows.
    const rows = ((await send(office, oAdmin, 'GET', `/api/reports/queue?from=${DAY}&to=${DAY}`)).body as { rows: { key: string; tickets: number; served: number; noShow: number }[] }).rows;
    const codes = new Map(office.app.hub.repos.catalog.services().map((s) => [String(s.id), s.code]));
    const theirs = province.app.db.prepare('SELECT service_code AS code, tickets, served, no_show AS noShow FROM province_day_figures WHERE day = ? ORDER BY service_code').all(DAY);
    const mine = rows.filter((r) => r.tickets > 0).map((r) => ({ code: codes.get(r.key), tickets: r.tickets, served: r.served, noShow: r.noShow }));
    expect(theirs).toEqual(mine.sort((a, b) => String(a.code).localeCompare(String(b.code))));
    // A heartbeat cut by a loaded machine shows as an error until the next one: wait for the link to settle.
    await eventually(async () => (await link()).state === 'connected', 5000, 'connected');
    const l = await link();
    expect(l).toMatchObject({ state: 'connected', pendingEvents: 0, lastError: null });
    expect(l.lastSyncAt).not.toBeNull();
    // Only figures went up: no ticket number, no name, no phone.
    const stored = (province.app.db.prepare('SELECT data FROM province_records').all() as { data: string }[]).map((r) => r.data).join('\n');
    expect(stored).not.toMatch(/A00\d|Nguyễn|phone|ticketId/);
  });

  it('shows a credential revoked at the province as an error and keeps the events until the office enrols again', async () => {
    const id = ((await send(province, pAdmin, 'GET', '/api/province/offices')).body as { id: number; code: string }[]).find((o) => o.code === CODE)?.id as number;
    const revoked = (await send(province, pAdmin, 'POST', `/api/province/offices/${id}/revoke`)).body as { enrollToken: string };
    expect(revoked.enrollToken).toBeTruthy();
    // However long the province refuses (a give-up horizon of 1 ms here), the province's figures are never dead-lettered.
    office.app.hub.timing.giveUpAfterMs = 1;
    expect((await issue(office.app, 2)).status).toBe(201);
    await eventually(async () => (await link()).state === 'error', 5000, 'error state');
    const l = await link();
    expect(l.pendingEvents).toBeGreaterThan(0);
    expect(l.lastError).toMatch(/thu hồi/);
    expect((await provinceTotals())?.tickets).toBe(4);
    await eventually(() => count(office.app, "SELECT COUNT(*) AS n FROM outbox_deliveries WHERE consumer = 'province' AND attempts >= 2") > 0, 5000, 'a retry');
    expect(count(office.app, "SELECT COUNT(*) AS n FROM outbox_deliveries WHERE consumer = 'province' AND status = 'dead'")).toBe(0);
    // The office keeps working meanwhile.
    expect((await issue(office.app, 1)).status).toBe(201);
    expect((await send(office, oAdmin, 'PUT', '/api/admin/province', { url: provinceUrl, enrollToken: revoked.enrollToken })).status).toBe(200);
    await eventually(async () => (await link()).pendingEvents === 0 && (await provinceTotals())?.tickets === 6 && (await provinceTotals())?.served === 3, 8000, 'catch-up');
    expect(await provinceTotals()).toMatchObject(await officeTotals());
  });

  it('disconnects: the credential is forgotten and nothing more is owed', async () => {
    expect((await send(office, oAdmin, 'DELETE', '/api/admin/province')).status).toBe(204);
    expect(linkRows()).toBe(0);
    expect(await link()).toMatchObject({ state: 'off', url: null, pendingEvents: 0 });
    expect(count(office.app, "SELECT COUNT(*) AS n FROM outbox_cursors WHERE consumer = 'province'")).toBe(0);
    expect((await issue(office.app, 1)).status).toBe(201);
  });
});
