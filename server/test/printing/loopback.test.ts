import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '@shared/events';
import type { PrinterStatus } from '@shared/schemas/printer';
import { bitmapToPng, stack } from '../../src/printing/bitmap';
import { BAND_ROWS } from '../../src/printing/escpos';
import type { TicketPrint } from '../../src/printing/ticket-print';
import { renderTicket } from '../../src/printing/ticket-renderer';
import { buildTestApp, count } from '../helper';
import { rasterToPng } from './escpos-decoder';
import { startFakePrinter, type FakePrinter } from './fake-printer';
import { until } from './until';

const OUT = resolve('test-output/printing');
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;


// Generous limits: the machine running the suite may be busy; the waits poll, so a fast run stays fast.
describe('printing to a loopback ESC/POS printer', { timeout: 40_000 }, () => {
  let printer: FakePrinter;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  let socket: Client;
  let pushes: PrinterStatus[];

  const issue = async (priorityGroup?: string) => {
    const res = await fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1, ...(priorityGroup ? { priorityGroup } : {}) }) });
    return { status: res.status, body: (await res.json()) as { id: number; number: string; trackingUrl: string } };
  };
  const job = (ticketId: number) => t.app.db.prepare('SELECT * FROM print_jobs WHERE ticket_id = ?').get(ticketId) as { status: string; attempts: number; payload: string; last_error: string | null };

  beforeEach(async () => {
    printer = await startFakePrinter();
    t = await buildTestApp({ config: { printing: { defaultPrinter: printer.address, retryBaseMs: 40, pollMs: 0, timeoutMs: 2000 } } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    pushes = [];
    socket = connect(url, { auth: { role: 'display', protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('printer:status', ({ status }) => pushes.push(status));
    await new Promise<void>((r, j) => (socket.once('connect', () => r()), socket.once('connect_error', j)));
  });
  afterEach(async () => {
    socket.disconnect();
    await t.close();
    await printer.close();
  });

  it('sends init, 576-dot bands of at most 1,000 rows, the QR command with the tracking URL, and a cut', async () => {
    const { status, body } = await issue('elderly');
    expect(status).toBe(201);
    await printer.waitForJobs(1);
    const commands = printer.jobs[0]!.commands;
    const ops = commands.map((c) => c.op);
    expect(ops[0]).toBe('init');
    const bands = commands.filter((c) => c.op === 'raster');
    expect(bands.length).toBeGreaterThanOrEqual(3);
    for (const b of bands) {
      expect(b.width).toBe(576);
      expect(b.height).toBeLessThanOrEqual(Math.min(1000, BAND_ROWS));
    }
    expect(commands.filter((c) => c.op === 'qr-store')).toEqual([{ op: 'qr-store', text: body.trackingUrl }]);
    expect(body.trackingUrl).toMatch(/^http:\/\/hub\.test\/t\/[0-9a-z]{9}[A-Za-z0-9_-]{16}$/);
    // Order on paper: image above the QR, QR, image below, the hub's checkpoint (DLE EOT 1), then the cut.
    const at = (op: string) => ops.indexOf(op as never);
    expect(at('raster')).toBeLessThan(at('qr-store'));
    expect(at('qr-store')).toBeLessThan(at('qr-print'));
    expect(ops.lastIndexOf('raster')).toBeGreaterThan(at('qr-print'));
    expect(ops.lastIndexOf('status')).toBeGreaterThan(ops.lastIndexOf('raster'));
    expect(ops.at(-1)).toBe('cut');
    expect(commands.filter((c) => c.op === 'status')).toEqual([{ op: 'status', n: 1 }]);

    await until(() => job(body.id)?.status === 'done');
    expect(job(body.id)).toMatchObject({ status: 'done', attempts: 1, last_error: null });
    const paper = JSON.parse(job(body.id).payload) as TicketPrint;
    expect(paper).toMatchObject({ number: 'A001', priorityLabel: 'Người cao tuổi (từ 60 tuổi)', issuedAt: '23/11/2026 09:00', trackingUrl: body.trackingUrl });

    // The bands decode back to exactly the rendered ticket (a few dots may be cleared by the real-time command guard).
    const decoded = rasterToPng(commands);
    const rendered = await renderTicket(paper, { paperWidth: 80, layout: t.app.printing.layout(), qrMode: 'native' });
    const expected = PNG.sync.read(bitmapToPng(stack([rendered.top, rendered.bottom])));
    const got = PNG.sync.read(decoded.png);
    expect([got.width, got.height]).toEqual([expected.width, expected.height]);
    const differing = pixelmatch(got.data, expected.data, undefined, got.width, got.height, { threshold: 0 });
    expect(differing).toBeLessThan(20);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/loopback-decoded.png`, decoded.png);
  });

  it('printer unreachable: the ticket is still issued, the job retried and the status pushed; back online: printed exactly once', async () => {
    await printer.down();
    const started = performance.now();
    const { status, body } = await issue();
    expect(status).toBe(201);
    // The issue never waits for the printer (generous: the machine running the suite may be busy).
    expect(performance.now() - started).toBeLessThan(1500);
    expect(count(t.app, 'SELECT COUNT(*) AS n FROM tickets WHERE id = ?', body.id)).toBe(1);
    await until(() => (job(body.id)?.attempts ?? 0) >= 2);
    expect(job(body.id).status).toBe('pending');
    expect(job(body.id).last_error).toMatch(/ECONNREFUSED/);
    await until(() => pushes.some((p) => p.state === 'unreachable'));
    expect(pushes.find((p) => p.state === 'unreachable')).toMatchObject({ deviceId: null, pendingJobs: 1 });

    await printer.up();
    await printer.waitForJobs(1);
    await until(() => job(body.id).status === 'done');
    await until(() => pushes.at(-1)?.state === 'online' && pushes.at(-1)?.pendingJobs === 0);
    // Several backoff periods later nothing more was printed.
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.commands.find((c) => c.op === 'qr-store')).toEqual({ op: 'qr-store', text: body.trackingUrl });
  });

  it('a connection reset mid-job fails the attempt; the retry prints the whole ticket once', async () => {
    printer.resetNextJobAfter(4000);
    const { body } = await issue();
    await until(() => job(body.id)?.status === 'done');
    expect(job(body.id).attempts).toBe(2);
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.commands.filter((c) => c.op === 'cut')).toHaveLength(1);
  });

  it('a slow printer prints without delaying the issue reply', async () => {
    printer.setDelay(600);
    const started = performance.now();
    const { status, body } = await issue();
    expect(status).toBe(201);
    expect(performance.now() - started).toBeLessThan(1500);
    await until(() => job(body.id)?.status === 'done');
    expect(job(body.id).attempts).toBe(1);
    expect(printer.jobs).toHaveLength(1);
  });

  it('a printer that never answers status queries still prints: sent without a receipt, marked done once', async () => {
    printer.setSilent(true);
    const { body } = await issue();
    await until(() => job(body.id)?.status === 'done');
    await printer.waitForJobs(1);
    expect(job(body.id).attempts).toBe(1);
    const ops = printer.jobs[0]!.commands.map((c) => c.op);
    expect(ops).toContain('cut');
    expect(ops).not.toContain('status');
    expect(pushes.at(-1)).toMatchObject({ state: 'online', pendingJobs: 0 });
  });

  it('paper out and cover open are reported from the status answer; the job waits until paper is back', async () => {
    printer.setState('paper_out');
    const { body } = await issue();
    await until(() => pushes.some((p) => p.state === 'paper_out'));
    expect(job(body.id).status).toBe('pending');
    printer.setState('cover_open');
    await until(() => pushes.some((p) => p.state === 'cover_open'));
    expect(printer.jobs).toHaveLength(0);
    printer.setState('online');
    await until(() => job(body.id).status === 'done');
    expect(printer.jobs).toHaveLength(1);
  });
});
