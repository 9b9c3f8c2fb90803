import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '@shared/events';
import type { Printer, PrinterStatus, PrintJobOutcome } from '@shared/schemas/printer';
import { version } from '../../src/version';
import { buildTestApp, count, login } from '../helper';
import { startFakePrinter, type FakePrinter } from './fake-printer';
import { until } from './until';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;


/**
 * Each scenario: the fake printer answers DLE EOT as a real one would in that condition; a kiosk takes a ticket;
 * the scenario ends with the state the kiosk (`/api/printers/mine`, `printer:status`) and the admin (`/api/admin/
 * printers`, `/api/health`) see, the job's row, and the copies that came out — never more than one per ticket.
 */
describe('printer states and exactly one ticket in the tray', { timeout: 60_000 }, () => {
  let printer: FakePrinter;
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let url: string;
  let kiosk: Client;
  let admin: string;
  let outcomes: PrintJobOutcome[];
  let pushes: PrinterStatus[];

  const issue = async () => {
    const res = await fetch(`${url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId: 1 }) });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: number; number: string };
  };
  const job = (ticketId: number) => t.app.db.prepare('SELECT * FROM print_jobs WHERE ticket_id = ?').get(ticketId) as { status: string; attempts: number; last_error: string | null };
  const kioskSees = async () => ((await t.app.inject({ url: '/api/printers/mine', headers: { cookie: admin } })).json() as { printer: PrinterStatus }).printer;
  const adminSees = async () => ((await t.app.inject({ url: '/api/admin/printers', headers: { cookie: admin } })).json() as Printer[])[0]!.status;
  const health = async () => (await t.app.inject({ url: '/api/health' })).json() as { status: string; version: string; printers: { state: string; pendingJobs: number }[] };
  /** Both screens show `state`, with a reason matching `reason`; health says `status`. */
  const expectShown = async (state: PrinterStatus['state'], reason: RegExp | null, status: 'ok' | 'degraded') => {
    // The next health check may still be on its way (a retry holds the printer): wait for state and reason.
    await until(async () => {
      const s = await adminSees();
      return s.state === state && (reason ? reason.test(s.reason ?? '') : s.reason === null);
    });
    const shown = await adminSees();
    expect(await kioskSees()).toMatchObject({ state, reason: shown.reason });
    await until(() => pushes.at(-1)?.state === state);
    expect(await health()).toMatchObject({ status, version, printers: [{ state }] });
  };
  /** Lets several retry periods pass, then checks no further copy came out. */
  const settle = async (copies: number) => {
    await new Promise((r) => setTimeout(r, 400));
    await t.app.printQueue.whenIdle();
    expect(printer.jobs).toHaveLength(copies);
  };

  beforeEach(async () => {
    printer = await startFakePrinter();
    t = await buildTestApp({ config: { printing: { defaultPrinter: printer.address, retryBaseMs: 40, pollMs: 0, timeoutMs: 2000 } } });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await login(t.app, 'admin');
    outcomes = [];
    pushes = [];
    kiosk = connect(url, { auth: { role: 'kiosk', protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false, forceNew: true });
    kiosk.on('print:job', ({ job: j }) => outcomes.push(j));
    kiosk.on('printer:status', ({ status }) => pushes.push(status));
    await new Promise<void>((r, j) => (kiosk.once('connect', () => r()), kiosk.once('connect_error', j)));
  });
  afterEach(async () => {
    kiosk.disconnect();
    await t.close();
    await printer.close();
  });

  it('online: one copy, done, Sẵn sàng everywhere, health ok', async () => {
    const ticket = await issue();
    await until(() => job(ticket.id)?.status === 'done');
    await expectShown('online', null, 'ok');
    await until(() => outcomes.length > 0);
    expect(outcomes).toEqual([{ ticketId: ticket.id, printerId: 1, deviceId: null, outcome: 'done' }]);
    await settle(1);
    // The exact shape monitoring reads: nothing more, nothing less.
    expect(await health()).toEqual({ status: 'ok', version, printers: [{ id: 1, name: 'Máy in mặc định', state: 'online', pendingJobs: 0, reason: null }] });
  });

  it('paper end: nothing is sent, the job waits, Hết giấy shown and health degraded; paper back: one copy', async () => {
    printer.setState('paper_out');
    const ticket = await issue();
    await expectShown('paper_out', /Hết giấy/, 'degraded');
    expect(job(ticket.id)).toMatchObject({ status: 'pending' });
    expect(job(ticket.id).last_error).toMatch(/Hết giấy/);
    expect(printer.jobs).toHaveLength(0);
    expect(printer.refused).toHaveLength(0);
    printer.setState('online');
    await t.app.printQueue.poll();
    await until(() => job(ticket.id).status === 'done');
    await expectShown('online', null, 'ok');
    await settle(1);
    // Each change of state is one `printer.state_changed` event in the outbox (issue 20); queue lengths are not.
    const states = (t.app.db.prepare("SELECT data FROM outbox_events WHERE type = 'printer.state_changed' ORDER BY seq").all() as { data: string }[]).map(
      (r) => (JSON.parse(r.data) as { state: string; printerId: number }).state,
    );
    expect(states.slice(-2)).toEqual(['paper_out', 'online']);
    expect(states.filter((x, i) => x === states[i - 1])).toEqual([]);
  });

  it('near end: the ticket prints, and the warning shows before the roll runs out', async () => {
    printer.setState('near_end');
    const ticket = await issue();
    await until(() => job(ticket.id)?.status === 'done');
    await expectShown('near_end', /Giấy sắp hết/, 'degraded');
    await settle(1);
  });

  it('cover open: no job is sent, Nắp máy in đang mở', async () => {
    printer.setState('cover_open');
    const ticket = await issue();
    await expectShown('cover_open', /Nắp máy in đang mở/, 'degraded');
    expect(job(ticket.id).status).toBe('pending');
    await settle(0);
  });

  it('error occurred (autocutter, then unrecoverable): no job, the kiosk falls back, the reason says what to do', async () => {
    printer.setState('error', 'autocutter');
    const ticket = await issue();
    await expectShown('error', /dao cắt/, 'degraded');
    expect(job(ticket.id).status).toBe('pending');
    printer.setState('error', 'unrecoverable');
    await t.app.printQueue.poll();
    await expectShown('error', /không tự khắc phục/, 'degraded');
    await settle(0);
  });

  it('no answer to status requests: printed once without details, online', async () => {
    printer.setSilent(true);
    const ticket = await issue();
    await until(() => job(ticket.id)?.status === 'done');
    expect(job(ticket.id).attempts).toBe(1);
    await expectShown('online', null, 'ok');
    await settle(1);
  });

  it('reset mid-job: the job is resent from the start and exactly one copy comes out', async () => {
    printer.resetNextJobAfter(3000);
    const ticket = await issue();
    await until(() => job(ticket.id)?.status === 'done');
    expect(job(ticket.id).attempts).toBe(2);
    await settle(1);
    expect(printer.jobs[0]!.commands.filter((c) => c.op === 'cut')).toHaveLength(1);
    expect(printer.jobs[0]!.commands[0]).toEqual({ op: 'init' });
  });

  it('reset after the cut: the printer had every byte, the job is delivered and never sent again', async () => {
    printer.resetAfterNextCut();
    const ticket = await issue();
    await until(() => job(ticket.id)?.status === 'done');
    expect(job(ticket.id)).toMatchObject({ attempts: 1, last_error: null });
    await settle(1);
    await until(() => outcomes.length > 0);
    expect(outcomes.map((o) => o.outcome)).toEqual(['done']);
  });

  it('a late status answer does not print a second copy', async () => {
    printer.setDelay(700);
    const ticket = await issue();
    await until(() => job(ticket.id)?.status === 'done');
    await settle(1);
  });

  it('answers later than PRINTER_TIMEOUT_MS on an intact connection: delivered, never a second copy', async () => {
    printer.setJobAnswerDelay(2600);
    const ticket = await issue();
    await until(() => job(ticket.id)?.status === 'done');
    expect(job(ticket.id)).toMatchObject({ attempts: 1, last_error: null });
    await new Promise((r) => setTimeout(r, 3000));
    await settle(1);
    expect(printer.jobs[0]!.commands.filter((c) => c.op === 'cut')).toHaveLength(1);
  });

  it.each([
    ['paper runs out', 'paper_out', /Hết giấy/, () => printer.runOutOfPaperOnNextJob()],
    ['the cutter jams', 'error', /dao cắt/, () => printer.jamCutterOnNextJob()],
  ] as const)('%s on the ticket: the answer after it says so, not counted as printed, the kiosk is told, reprinted whole once fixed', async (_, state, reason, fault) => {
    fault();
    const ticket = await issue();
    await until(() => outcomes.some((o) => o.outcome === 'failed'));
    expect(printer.refused).toHaveLength(1);
    expect(job(ticket.id).status).toBe('pending');
    expect(job(ticket.id).last_error).toMatch(reason);
    await expectShown(state, reason, 'degraded');
    printer.setState('online');
    await t.app.printQueue.poll();
    await until(() => job(ticket.id).status === 'done');
    await settle(1);
    await until(() => outcomes.length > 1);
    expect(outcomes.map((o) => o.outcome)).toEqual(['failed', 'done']);
  });

  it('an outage longer than the office setting: the ticket is never printed, logged in the audit, the kiosk told', async () => {
    expect((await t.app.inject({ url: '/api/admin/print-settings', headers: { cookie: admin } })).json()).toEqual({ expireMinutes: 2 });
    const warn = vi.spyOn(t.app.log, 'warn');
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/print-settings', headers: { cookie: admin }, payload: { expireMinutes: 0 } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/print-settings', headers: { cookie: admin }, payload: { expireMinutes: 3 } })).json()).toEqual({ expireMinutes: 3 });
    printer.setState('paper_out');
    const ticket = await issue();
    await expectShown('paper_out', /Hết giấy/, 'degraded');
    t.clock.advance(3 * 60_000 + 1000);
    printer.setState('online');
    await t.app.printQueue.poll();
    await until(() => job(ticket.id).status === 'expired');
    await until(() => outcomes.some((o) => o.outcome === 'expired'));
    expect(outcomes.at(-1)).toEqual({ ticketId: ticket.id, printerId: 1, deviceId: null, outcome: 'expired' });
    const audit = t.app.db.prepare("SELECT * FROM audit_log WHERE action = 'printer.expired'").all() as { target_type: string; target_id: string; user_id: number | null; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target_type: 'ticket', target_id: String(ticket.id), user_id: null });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ number: ticket.number, minutes: 3 });
    const logged = warn.mock.calls.filter((c) => c[1] === 'print job expired: not printed');
    expect(logged).toHaveLength(1);
    expect(logged[0]![0]).toMatchObject({ printerId: 1, ticketId: ticket.id });
    expect(count(t.app, "SELECT COUNT(*) AS n FROM print_jobs WHERE status = 'pending'")).toBe(0);
    await expectShown('online', null, 'ok');
    await settle(0);
  });
});
