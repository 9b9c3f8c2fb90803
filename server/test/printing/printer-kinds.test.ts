import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Printer, PrinterStatus } from '@shared/schemas/printer';
import { buildTestApp, count, login } from '../helper';
import { pairDevice } from '../helper-devices';
import { decode } from './escpos-decoder';
import { startFakePrinter, type FakePrinter } from './fake-printer';
import { canBridgeUsb, startFakeUsbPrinter } from './fake-usb-printer';
import { until } from './until';


const timings = { retryBaseMs: 40, pollMs: 0, timeoutMs: 2000 };

describe('printer kinds and widths', { timeout: 60_000 }, () => {
  let t: Awaited<ReturnType<typeof buildTestApp>> | null = null;
  let printer: FakePrinter | null = null;
  let dir: string | null = null;
  let usb: { close: () => void } | null = null;
  afterEach(async () => {
    await t?.close();
    usb?.close();
    await printer?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    t = printer = dir = usb = null;
  });
  const job = (ticketId: number) => t!.app.db.prepare('SELECT * FROM print_jobs WHERE ticket_id = ?').get(ticketId) as { status: string; attempts: number; last_error: string | null };
  const issue = async (cookie?: string) => {
    const res = await t!.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 }, ...(cookie ? { headers: { cookie } } : {}) });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number; number: string; trackingUrl: string };
  };

  it('PRINTER …?width=58 makes the default printer 58 mm: only 384-dot images reach it; a bad width stops the start', async () => {
    printer = await startFakePrinter();
    t = await buildTestApp({ config: { printing: { defaultPrinter: `${printer.address}?width=58`, ...timings } } });
    const admin = await login(t.app, 'admin');
    const [env] = (await t.app.inject({ url: '/api/admin/printers', headers: { cookie: admin } })).json() as Printer[];
    expect(env).toMatchObject({ address: printer.address, paperWidth: 58, fromEnv: true });
    const ticket = await issue();
    await until(() => job(ticket.id)?.status === 'done');
    const bands = printer.jobs[0]!.commands.filter((c) => c.op === 'raster');
    expect(bands.length).toBeGreaterThan(0);
    expect(bands.every((b) => b.op === 'raster' && b.width === 384)).toBe(true);
    await expect(buildTestApp({ config: { printing: { defaultPrinter: `${printer.address}?width=72`, ...timings } } })).rejects.toThrow(/width must be 58 or 80/);
  });

  it('a printer without the QR command gets the code drawn into the image (admin option)', async () => {
    printer = await startFakePrinter();
    t = await buildTestApp({ config: { printing: { defaultPrinter: printer.address, ...timings } } });
    const admin = await login(t.app, 'admin');
    const [env] = (await t.app.inject({ url: '/api/admin/printers', headers: { cookie: admin } })).json() as Printer[];
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/printers/${env!.id}`,
      headers: { cookie: admin },
      payload: { name: env!.name, deviceId: null, type: 'epson', address: env!.address, paperWidth: 80, enabled: true, qrRaster: true },
    });
    expect(put.json()).toMatchObject({ qrRaster: true });
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM printers WHERE qr_raster = 1')).toBe(1);
    const ticket = await issue();
    await until(() => job(ticket.id)?.status === 'done');
    const ops = printer.jobs[0]!.commands.map((c) => c.op);
    expect(ops).not.toContain('qr-store');
    expect(ops).not.toContain('qr-print');
    expect(ops).toContain('raster');
  });

  it('a USB printer as a device file: the same ESC/POS bytes once; unplugged (no device) the ticket waits, then prints once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-lp-'));
    const device = join(dir, 'lp0');
    writeFileSync(device, '');
    t = await buildTestApp({ config: { printing: { defaultPrinter: `file://${device}`, ...timings } } });
    const admin = await login(t.app, 'admin');
    const first = await issue();
    await until(() => job(first.id)?.status === 'done');
    const { commands, rest } = decode(readFileSync(device));
    expect(rest).toBe(0);
    expect(commands[0]).toEqual({ op: 'init' });
    expect(commands.filter((c) => c.op === 'cut')).toHaveLength(1);
    expect(commands.find((c) => c.op === 'qr-store')).toEqual({ op: 'qr-store', text: first.trackingUrl });

    rmSync(device);
    const second = await issue();
    await until(async () => ((await t!.app.inject({ url: '/api/printers/mine', headers: { cookie: admin } })).json() as { printer: PrinterStatus }).printer.state === 'unreachable');
    const mine = ((await t.app.inject({ url: '/api/printers/mine', headers: { cookie: admin } })).json() as { printer: PrinterStatus }).printer;
    expect(mine.reason).toMatch(/Không thấy máy in USB/);
    expect(job(second.id).status).toBe('pending');
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'degraded', printers: [{ state: 'unreachable', pendingJobs: 1 }] });

    writeFileSync(device, '');
    await t.app.printQueue.poll();
    await until(() => job(second.id).status === 'done');
    await new Promise((r) => setTimeout(r, 300));
    const again = decode(readFileSync(device)).commands;
    expect(again.filter((c) => c.op === 'cut')).toHaveLength(1);
    expect(again.find((c) => c.op === 'qr-store')).toEqual({ op: 'qr-store', text: second.trackingUrl });

    // In the admin screen a device file must be a printer device under /dev.
    const kiosk = await pairDevice(t.app, admin, 'kiosk', 'Ki-ốt USB');
    const body = { name: 'USB', deviceId: kiosk.id, type: 'epson', paperWidth: 80, enabled: false };
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/printers', headers: { cookie: admin }, payload: { ...body, address: 'file:///etc/passwd' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/printers', headers: { cookie: admin }, payload: { ...body, address: 'file:///dev/usb/lp0' } })).statusCode).toBe(201);
  });

  it.skipIf(!canBridgeUsb)('a USB printer that answers through its device: states read before and after each job, each ticket printed once', async () => {
    printer = await startFakePrinter();
    printer.setState('paper_out');
    const device = await startFakeUsbPrinter(printer);
    usb = device;
    t = await buildTestApp({ config: { printing: { defaultPrinter: `file://${device.path}`, ...timings } } });
    const admin = await login(t.app, 'admin');
    const mine = async () => ((await t!.app.inject({ url: '/api/printers/mine', headers: { cookie: admin } })).json() as { printer: PrinterStatus }).printer;
    // Paper end, read through the device before the job: nothing is written, the screens say why.
    const first = await issue();
    await until(async () => (await mine()).state === 'paper_out');
    expect((await mine()).reason).toMatch(/Hết giấy/);
    expect(job(first.id)).toMatchObject({ status: 'pending' });
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'degraded', printers: [{ state: 'paper_out', pendingJobs: 1 }] });
    expect(printer.jobs.length + printer.refused.length).toBe(0);
    // Paper back: printed once, the state right after the job read back through the device.
    printer.setState('online');
    await t.app.printQueue.poll();
    await until(() => job(first.id).status === 'done');
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.commands.find((c) => c.op === 'qr-store')).toEqual({ op: 'qr-store', text: first.trackingUrl });
    // The roll ends on the next ticket: the answer after the job says so; not counted as printed, reprinted whole once.
    printer.runOutOfPaperOnNextJob();
    const second = await issue();
    await until(() => job(second.id).attempts === 1);
    expect(job(second.id)).toMatchObject({ status: 'pending' });
    expect(job(second.id).last_error).toMatch(/Hết giấy/);
    expect(printer.refused).toHaveLength(1);
    expect((await mine()).state).toBe('paper_out');
    printer.setState('near_end');
    await t.app.printQueue.poll();
    await until(() => job(second.id).status === 'done');
    await until(async () => (await mine()).state === 'near_end');
    await t.app.printQueue.whenIdle();
    expect(printer.jobs).toHaveLength(2);
    expect(printer.jobs[1]!.commands.find((c) => c.op === 'qr-store')).toEqual({ op: 'qr-store', text: second.trackingUrl });
  });

  it('a character device that gives no status answer (one-way USB printers; here /dev/null) prints without details', async () => {
    t = await buildTestApp({ config: { printing: { defaultPrinter: 'file:///dev/null', ...timings } } });
    const ticket = await issue();
    await until(() => job(ticket.id)?.status === 'done');
    expect(job(ticket.id)).toMatchObject({ attempts: 1, last_error: null });
    expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok', printers: [{ state: 'online', pendingJobs: 0 }] });
  });

  it("a browser printer: the hub sends nothing, the kiosk knows it prints itself, the print page is the paper's width", async () => {
    t = await buildTestApp();
    const admin = await login(t.app, 'admin');
    const kiosk = await pairDevice(t.app, admin, 'kiosk', 'Ki-ốt tầng 1');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/printers',
      headers: { cookie: admin },
      payload: { name: 'Máy in USB ki-ốt tầng 1', deviceId: kiosk.id, type: 'epson', address: 'browser', paperWidth: 58, enabled: true },
    });
    expect(created.statusCode).toBe(201);
    const mine = (await t.app.inject({ url: '/api/printers/mine', headers: { cookie: kiosk.cookie } })).json() as { printer: PrinterStatus };
    expect(mine.printer).toMatchObject({ browser: true, state: 'unknown', paperWidth: 58 });
    const ticket = await issue(kiosk.cookie);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM print_jobs')).toBe(0);
    const staff = await login(t.app, 'canbo1');
    const reprint = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/reprint`, headers: { cookie: staff }, payload: { printerId: (created.json() as Printer).id } });
    expect(reprint.statusCode).toBe(409);
    expect(reprint.json()).toMatchObject({ code: 'PRINTER_IN_BROWSER' });

    const trackingId = ticket.trackingUrl.split('/t/')[1]!;
    const page = await t.app.inject({ url: `/api/print-page/${trackingId}`, headers: { cookie: kiosk.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('@page { size: 58mm');
    expect(page.body).toContain(`alt="Phiếu số thứ tự ${ticket.number}"`);
    const png = await t.app.inject({ url: `/api/print-page/${trackingId}/ticket.png?width=58` });
    expect(PNG.sync.read(png.rawPayload).width).toBe(384);
    expect(PNG.sync.read((await t.app.inject({ url: `/api/print-page/${trackingId}/ticket.png?width=80` })).rawPayload).width).toBe(576);
    expect((await t.app.inject({ url: '/api/print-page/AAAAAAAAAAAAAAAAAAAA' })).json()).toMatchObject({ code: 'TICKET_NOT_FOUND' });
    expect((await t.app.inject({ url: `/api/print-page/${trackingId}?width=72` })).statusCode).toBe(400);
  });
});
