import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, count, login } from '../helper';
import { pairDevice } from '../helper-devices';
import { until } from './until';


describe('printers API, print-to-file default printer, reprint and layout', () => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let prints: string;
  let admin: string;
  const kioskDir = 'test-output/printing/kiosk-prints';

  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const pngs = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.png')) : []);

  beforeEach(async () => {
    prints = mkdtempSync(join(tmpdir(), 'motcua-prints-'));
    rmSync(resolve(kioskDir), { recursive: true, force: true });
    t = await buildTestApp({ config: { printing: { defaultPrinter: `file:${prints}`, retryBaseMs: 30, pollMs: 0, timeoutMs: 2000 } } });
    admin = await login(t.app, 'admin');
  });
  afterEach(async () => {
    await t.close();
    rmSync(prints, { recursive: true, force: true });
  });

  it('the default print-to-file printer writes each issued ticket as a PNG; the kiosk sees it online', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } });
    expect(res.statusCode).toBe(201);
    const ticket = res.json() as { id: number };
    await until(() => pngs(prints).length === 1);
    expect(pngs(prints)[0]).toMatch(/-A001-ticket-\d+\.png$/);
    const png = PNG.sync.read(readFileSync(join(prints, pngs(prints)[0] as string)));
    expect(png.width).toBe(576);
    await until(() => count(t.app, "SELECT COUNT(*) AS n FROM print_jobs WHERE ticket_id = ? AND status = 'done'", ticket.id) === 1);
    const mine = await send('GET', '/api/printers/mine', admin);
    expect(mine.json()).toMatchObject({ printer: { deviceId: null, state: 'online', pendingJobs: 0 } });
  });

  it('an admin ties a printer to a paired kiosk; that kiosk prints there and nowhere else', async () => {
    const kiosk = await pairDevice(t.app, admin, 'kiosk', 'Ki-ốt sảnh');
    const display = await pairDevice(t.app, admin, 'display', 'TV');
    const body = { name: 'Máy in ki-ốt sảnh', deviceId: kiosk.id, type: 'epson', address: 'tcp://127.0.0.1:9', paperWidth: 80, enabled: false };
    expect((await send('POST', '/api/admin/printers', admin, { ...body, deviceId: display.id })).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await send('POST', '/api/admin/printers', admin, { ...body, address: 'file:../../etc' })).statusCode).toBe(400);
    expect((await send('POST', '/api/admin/printers', admin, { ...body, paperWidth: 72 })).statusCode).toBe(400);
    const created = await send('POST', '/api/admin/printers', admin, body);
    expect(created.statusCode).toBe(201);
    const printer = created.json() as { id: number };
    expect(created.json()).toMatchObject({ deviceId: kiosk.id, deviceName: 'Ki-ốt sảnh', enabled: false, fromEnv: false, status: { state: 'disabled' } });
    expect((await send('POST', '/api/admin/printers', admin, body)).json()).toMatchObject({ code: 'CONFLICT' });
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM printers')).toBe(2);

    // Its own printer is off: the kiosk prints nothing (the default printer is for kiosks without one).
    const issued = await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: kiosk.cookie }, payload: { serviceId: 1 } });
    expect(issued.statusCode).toBe(201);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM print_jobs')).toBe(0);
    expect((await t.app.inject({ url: '/api/printers/mine', headers: { cookie: kiosk.cookie } })).json()).toEqual({ printer: null });

    const updated = await send('PUT', `/api/admin/printers/${printer.id}`, admin, { ...body, address: `file:${kioskDir}`, enabled: true });
    expect(updated.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/printers/mine', headers: { cookie: kiosk.cookie } })).json()).toMatchObject({ printer: { printerId: printer.id } });
    await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: kiosk.cookie }, payload: { serviceId: 1 } });
    await until(() => pngs(resolve(kioskDir)).length === 1);
    expect(pngs(prints)).toEqual([]);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM print_jobs WHERE printer_id = ?', printer.id)).toBe(1);

    const list = (await send('GET', '/api/admin/printers', admin)).json() as { fromEnv: boolean }[];
    expect(list.map((p) => p.fromEnv)).toEqual([true, false]);
    expect((await send('DELETE', `/api/admin/printers/${printer.id}`, admin)).statusCode).toBe(204);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM print_jobs WHERE printer_id = ?', printer.id)).toBe(0);
    const envId = list.length && ((await send('GET', '/api/admin/printers', admin)).json() as { id: number }[])[0]!.id;
    expect((await send('DELETE', `/api/admin/printers/${envId}`, admin)).statusCode).toBe(400);
  });

  it('staff reprint a ticket of today; an admin test-prints; both are audited', async () => {
    const staff = await login(t.app, 'canbo1');
    const ticket = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } })).json() as { id: number };
    const reprint = await send('POST', `/api/tickets/${ticket.id}/reprint`, staff, {});
    expect(reprint.statusCode).toBe(202);
    expect(reprint.json()).toMatchObject({ ticketId: ticket.id, kind: 'reprint', number: 'A001' });
    expect((await send('POST', '/api/tickets/999/reprint', staff, {})).json()).toMatchObject({ code: 'TICKET_NOT_FOUND' });
    expect((await send('POST', `/api/tickets/${ticket.id}/reprint`, staff, { printerId: 999 })).json()).toMatchObject({ code: 'PRINTER_NOT_FOUND' });
    expect((await send('POST', `/api/tickets/${ticket.id}/reprint`, staff, { copies: 2 })).statusCode).toBe(400);

    const envId = ((await send('GET', '/api/admin/printers', admin)).json() as { id: number }[])[0]!.id;
    const test = await send('POST', `/api/admin/printers/${envId}/test`, admin);
    expect(test.json()).toMatchObject({ kind: 'test', ticketId: null, number: 'A000' });
    await until(() => count(t.app, "SELECT COUNT(*) AS n FROM print_jobs WHERE status = 'done'") === 3);
    expect(pngs(prints)).toHaveLength(3);
    expect(pngs(prints).filter((f) => f.includes('-reprint-'))).toHaveLength(1);
    expect(count(t.app, "SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('ticket.reprint', 'printer.test')")).toBe(2);
    const jobs = (await send('GET', '/api/admin/print-jobs', admin)).json() as { status: string }[];
    expect(jobs.map((j) => j.status)).toEqual(['done', 'done', 'done']);
  });

  it('the ticket layout is validated, saved, and previewed at the paper width', async () => {
    expect((await send('PUT', '/api/admin/ticket-layout', admin, { headerText: '', footerText: '', hidden: ['ghost'] })).statusCode).toBe(400);
    const layout = { headerText: 'UBND PHƯỜNG HÒA BÌNH', footerText: 'Cảm ơn!', hidden: ['estimatedWait'] };
    expect((await send('PUT', '/api/admin/ticket-layout', admin, layout)).json()).toEqual(layout);
    expect((await send('GET', '/api/admin/ticket-layout', admin)).json()).toEqual(layout);
    const preview = await send('GET', '/api/admin/ticket-layout/preview?paperWidth=58&v=3', admin);
    expect(preview.headers['content-type']).toBe('image/png');
    expect(PNG.sync.read(preview.rawPayload).width).toBe(384);
    expect((await send('GET', '/api/admin/ticket-layout/preview?paperWidth=72', admin)).statusCode).toBe(400);
  });
});

describe('an office without any printer', () => {
  it('issues tickets without print jobs; the kiosk is told there is no printer; reprint says so', async () => {
    const t = await buildTestApp();
    try {
      const staff = await login(t.app, 'canbo1');
      const ticket = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } })).json() as { id: number };
      expect(count(t.app, 'SELECT COUNT(*) AS n FROM print_jobs')).toBe(0);
      expect((await t.app.inject({ url: '/api/printers/mine', headers: { cookie: staff } })).json()).toEqual({ printer: null });
      const res = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/reprint`, headers: { cookie: staff }, payload: {} });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'NO_PRINTER' });
    } finally {
      await t.close();
    }
  });
});
