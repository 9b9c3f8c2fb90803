import { formatDateTime } from '@shared/office-time';
import { PRIORITY_LABELS, type PriorityGroup } from '@shared/priority';
import {
  DEFAULT_PRINT_SETTINGS,
  DEFAULT_TICKET_LAYOUT,
  type HealthPrinter,
  type PaperWidth,
  type PrintSettings,
  type PrintJob,
  type Printer,
  type PrinterInput,
  type PrinterStatus,
  type TicketLayout,
} from '@shared/schemas/printer';
import type { IssuedTicket } from '@shared/schemas/ticket';
import { estimateWaitMinutes } from '../domain/eta';
import { fail } from '../errors';
import type { TicketPrint } from '../printing/ticket-print';
import { addressKind } from '../printing/transport';
import type { StaffActor } from '../repositories/audit-repository';
import { printJobsRepository, type PrintJobKind, type PrintJobRow } from '../repositories/print-jobs-repository';
import { printersRepository, type PrinterFields, type PrinterRow } from '../repositories/printers-repository';
import type { TicketRow } from '../repositories/tickets-repository';
import type { ServiceContext } from './context';
import type { QueueService } from './queue-service';
import type { IssueSource } from './ticket-service';

/** What the print service needs from the print queue (process side): live status, and a nudge to print now. */
export interface PrintQueueHooks {
  statusOf(printer: PrinterRow): PrinterStatus;
  /** The settings of a printer changed: push its status now, and print what is pending. */
  changed(printerId: number): void;
  /** Jobs were added: print them; the queue length reaches the screens shortly (coalesced during bursts). */
  queued(printerId: number): void;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The public view of a print job. */
export function toPrintJob(r: PrintJobRow): PrintJob {
  return {
    id: r.id,
    printerId: r.printer_id,
    ticketId: r.ticket_id,
    number: (JSON.parse(r.payload) as TicketPrint).number,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
    printedAt: iso(r.printed_at),
  };
}

/**
 * Ticket printers (one per kiosk, plus the default from PRINTER), the ticket layout, and the persisted job queue:
 * jobs are only written here, after the ticket's own transaction committed; the print queue sends them.
 */
export function printService(ctx: ServiceContext, queue: QueueService, logo: () => Buffer | null, hooks: PrintQueueHooks) {
  const { db } = ctx;
  const printers = printersRepository(db);
  const jobs = printJobsRepository(db);

  const toPrinter = (r: PrinterRow): Printer => ({
    id: r.id,
    name: r.name,
    deviceId: r.device_id,
    deviceName: r.device_name,
    type: r.type,
    address: r.address,
    paperWidth: r.paper_width,
    enabled: r.enabled === 1,
    qrRaster: r.qr_raster === 1,
    fromEnv: r.from_env === 1,
    status: hooks.statusOf(r),
  });

  /**
   * Keeps the default printer's row in step with the PRINTER environment variable (none: the row is disabled).
   * `?width=58` sets its paper width (else the admin's choice, 80 mm at first).
   */
  function syncDefault(value: string | null): void {
    const at = ctx.now();
    const row = printers.fromEnv();
    const env = value === null ? null : splitWidth(value);
    if (!row && env) {
      printers.insert({ name: 'Máy in mặc định', device_id: null, type: 'epson', address: env.address, paper_width: env.paperWidth ?? 80, enabled: 1, qr_raster: 0, from_env: 1, updated_at: at });
    } else if (row && env && (row.address !== env.address || (env.paperWidth !== null && env.paperWidth !== row.paper_width))) {
      printers.setEnvAddress(env.address, env.paperWidth ?? row.paper_width, at);
    } else if (row && !env && row.enabled === 1) printers.update(row.id, { ...row, enabled: 0, updated_at: at });
  }

  function fields(input: PrinterInput, current?: PrinterRow): PrinterFields {
    if (current?.from_env === 1) {
      if (input.deviceId !== null) fail('VALIDATION_FAILED', { field: 'deviceId', message: 'Máy in mặc định không gắn với ki-ốt.' });
      if (input.address !== current.address) fail('VALIDATION_FAILED', { field: 'address', message: 'Địa chỉ máy in mặc định đặt bằng biến môi trường PRINTER.' });
    } else {
      if (input.deviceId === null) fail('VALIDATION_FAILED', { field: 'deviceId', message: 'Hãy chọn ki-ốt dùng máy in này.' });
      const device = ctx.repos.devices.byId(input.deviceId);
      if (!device || device.kind !== 'kiosk' || device.revoked_at !== null) fail('VALIDATION_FAILED', { field: 'deviceId', message: 'Chỉ gắn máy in với ki-ốt đã ghép nối.' });
      const other = printers.byDevice(input.deviceId);
      if (other && other.id !== current?.id) fail('CONFLICT', { field: 'deviceId', message: 'Ki-ốt này đã có máy in.' });
    }
    if (input.address.split('/').includes('..')) fail('VALIDATION_FAILED', { field: 'address' });
    return {
      name: input.name.trim(),
      device_id: input.deviceId,
      type: input.type,
      address: input.address,
      paper_width: input.paperWidth,
      enabled: input.enabled ? 1 : 0,
      qr_raster: (input.qrRaster ?? current?.qr_raster === 1) ? 1 : 0,
    };
  }

  function create(input: PrinterInput, actor: StaffActor): Printer {
    const id = db.transaction(() => {
      const at = ctx.now();
      const newId = printers.insert({ ...fields(input), from_env: 0, updated_at: at });
      ctx.repos.audit.write(at, actor, { action: 'printer.create', targetType: 'printer', targetId: newId, details: { name: input.name, address: input.address } });
      return newId;
    })();
    hooks.changed(id);
    return toPrinter(printers.byId(id) as PrinterRow);
  }

  function update(id: number, input: PrinterInput, actor: StaffActor): Printer {
    db.transaction(() => {
      const current = printers.byId(id) ?? fail('PRINTER_NOT_FOUND');
      const at = ctx.now();
      printers.update(id, { ...fields(input, current), updated_at: at });
      ctx.repos.audit.write(at, actor, { action: 'printer.update', targetType: 'printer', targetId: id, details: { name: input.name, address: input.address, enabled: input.enabled } });
    })();
    hooks.changed(id);
    return toPrinter(printers.byId(id) as PrinterRow);
  }

  function remove(id: number, actor: StaffActor): void {
    db.transaction(() => {
      const current = printers.byId(id) ?? fail('PRINTER_NOT_FOUND');
      if (current.from_env === 1) fail('VALIDATION_FAILED', { message: 'Máy in mặc định không xóa được; hãy tắt nó.' });
      printers.remove(id);
      ctx.repos.audit.write(ctx.now(), actor, { action: 'printer.remove', targetType: 'printer', targetId: id, details: { name: current.name } });
    })();
  }

  /** The enabled printer of a kiosk: its own, else the default one. */
  function printerFor(deviceId: number | null): PrinterRow | undefined {
    const own = deviceId === null ? undefined : printers.byDevice(deviceId);
    if (own) return own.enabled === 1 ? own : undefined;
    const fallback = printers.fromEnv();
    return fallback?.enabled === 1 ? fallback : undefined;
  }

  function settings(): PrintSettings {
    return { ...DEFAULT_PRINT_SETTINGS, ...ctx.repos.settings.read<Partial<PrintSettings>>('printSettings') };
  }

  function saveSettings(next: PrintSettings, actor: StaffActor): PrintSettings {
    db.transaction(() => {
      ctx.repos.settings.write('printSettings', next);
      ctx.repos.audit.write(ctx.now(), actor, { action: 'printer.settings', details: next });
    })();
    return settings();
  }

  /** Drops a job too old to print, and audits it (the hub acts: no user). */
  function expire(job: PrintJobRow, at: number): void {
    db.transaction(() => {
      jobs.close(job.id, 'expired');
      const number = (JSON.parse(job.payload) as TicketPrint).number;
      ctx.repos.audit.write(at, { userId: null }, {
        action: 'printer.expired',
        targetType: job.ticket_id === null ? 'print_job' : 'ticket',
        targetId: job.ticket_id ?? job.id,
        details: { jobId: job.id, printerId: job.printer_id, number, kind: job.kind, attempts: job.attempts, lastError: job.last_error, minutes: Math.round((at - job.created_at) / 60_000) },
      });
    })();
  }

  function layout(): TicketLayout {
    return { ...DEFAULT_TICKET_LAYOUT, ...ctx.repos.settings.read<Partial<TicketLayout>>('ticketLayout') };
  }

  function saveLayout(next: TicketLayout, actor: StaffActor): TicketLayout {
    db.transaction(() => {
      ctx.repos.settings.write('ticketLayout', next);
      ctx.repos.audit.write(ctx.now(), actor, { action: 'printer.layout', details: { hidden: next.hidden } });
    })();
    return layout();
  }

  const insertJob = (printer: PrinterRow, ticketId: number | null, kind: PrintJobKind, payload: TicketPrint): number =>
    jobs.insert({ printer_id: printer.id, ticket_id: ticketId, kind, payload: JSON.stringify(payload), next_attempt_at: 0, created_at: ctx.now() });

  function enqueue(printer: PrinterRow, ticketId: number | null, kind: PrintJobKind, payload: TicketPrint): number {
    const id = db.transaction(() => insertJob(printer, ticketId, kind, payload))();
    hooks.queued(printer.id);
    return id;
  }

  const priorityLabel = (group: string | null) =>
    group ? (PRIORITY_LABELS[group as PriorityGroup]?.vi ?? group).replace('{age}', String(queue.settings().elderlyAge)) : null;

  /** Printers given jobs by issues whose commit is under way: woken once it is done (`wakeIssued`). */
  const issuedOn = new Set<number>();

  /**
   * Queues the paper tickets of issues inside their commit's transaction (one fsync for tickets and jobs, and never a
   * committed ticket without its job); in a savepoint, so a failure here rolls back only the jobs. A kiosk without an
   * enabled printer, or whose printer is its browser, gets no job; returns the job ids (null: none).
   */
  function enqueueIssued(issued: readonly { ticket: IssuedTicket; source: IssueSource }[]): (number | null)[] {
    const s = queue.settings();
    return db.transaction(() =>
      issued.map(({ ticket: t, source }) => {
        const printer = printerFor(source.deviceId);
        // A `browser` printer is the kiosk's own: it prints the ticket page itself, the hub queues nothing.
        if (!printer || addressKind(printer.address) === 'browser') return null;
        issuedOn.add(printer.id);
        return insertJob(printer, t.id, 'ticket', {
          officeName: s.name,
          serviceName: t.serviceNameVi,
          number: t.number,
          priorityLabel: priorityLabel(t.priorityGroup),
          peopleAhead: t.peopleAhead,
          estimatedWaitMinutes: t.estimatedWaitMinutes,
          issuedAt: formatDateTime(new Date(t.issuedAt), s.timezone),
          trackingUrl: t.trackingUrl,
        });
      }),
    )();
  }

  /** After the commit: the printers given ticket jobs start on them. */
  function wakeIssued(): void {
    for (const id of issuedOn) hooks.queued(id);
    issuedOn.clear();
  }

  /** What a reprint (or the kiosk's print page) says: the ticket as it stands now, people ahead and wait recomputed. */
  function currentPayload(row: TicketRow, reprint: boolean): TicketPrint {
    const s = queue.settings();
    const service = ctx.repos.catalog.serviceById(row.service_id);
    const peopleAhead = row.status === 'waiting' ? queue.peopleAhead(row) : 0;
    const load = queue.loadOf(row.queue_day, row.service_id);
    return {
      officeName: s.name,
      serviceName: service?.name_vi ?? '',
      number: row.number,
      priorityLabel: priorityLabel(row.priority_group),
      peopleAhead,
      estimatedWaitMinutes: estimateWaitMinutes(peopleAhead, load.avgMinutes, load.openCounters),
      issuedAt: formatDateTime(new Date(row.issued_at), s.timezone),
      trackingUrl: `${ctx.config.publicUrl}/t/${row.tracking_id}`,
      ...(reprint ? { reprint: true } : {}),
    };
  }

  /** Prints a ticket of today again: on the given printer, else where it was printed, else the default printer. */
  function reprint(ticketId: number, printerId: number | undefined, actor: StaffActor): PrintJob {
    const row = ctx.repos.tickets.byId(ticketId);
    if (!row || row.queue_day !== queue.currentDay().queueDay) fail('TICKET_NOT_FOUND');
    const last = jobs.lastForTicket(ticketId);
    const printer =
      printerId !== undefined
        ? (printers.byId(printerId) ?? fail('PRINTER_NOT_FOUND'))
        : ((last ? printers.byId(last.printer_id) : undefined) ?? printerFor(null) ?? fail('NO_PRINTER'));
    if (printer.enabled !== 1) fail('NO_PRINTER');
    if (addressKind(printer.address) === 'browser') fail('PRINTER_IN_BROWSER');
    const id = enqueue(printer, row.id, 'reprint', currentPayload(row, true));
    ctx.repos.audit.write(ctx.now(), actor, { action: 'ticket.reprint', targetType: 'ticket', targetId: row.id, details: { number: row.number, printerId: printer.id } });
    return toPrintJob(jobs.byId(id) as PrintJobRow);
  }

  /** A sample ticket (test page, layout preview) with every item and Vietnamese letters in all tone marks. */
  function samplePrint(): TicketPrint {
    const s = queue.settings();
    return {
      officeName: s.name,
      serviceName: 'Trang in thử — Tiếng Việt: ă â đ ê ô ơ ư ạ ả ã ặ ẫ ệ ố ờ ự ỹ',
      number: 'A000',
      priorityLabel: priorityLabel('elderly'),
      peopleAhead: 3,
      estimatedWaitMinutes: 12,
      issuedAt: formatDateTime(new Date(ctx.now()), s.timezone),
      trackingUrl: `${ctx.config.publicUrl}/t/in-thu`,
      test: true,
    };
  }

  /** A test page on one printer (enabled or not: the admin checks it before switching it on). */
  function testPrint(printerId: number, actor: StaffActor): PrintJob {
    const printer = printers.byId(printerId) ?? fail('PRINTER_NOT_FOUND');
    if (addressKind(printer.address) === 'browser') fail('PRINTER_IN_BROWSER');
    const id = enqueue(printer, null, 'test', samplePrint());
    ctx.repos.audit.write(ctx.now(), actor, { action: 'printer.test', targetType: 'printer', targetId: printer.id });
    return toPrintJob(jobs.byId(id) as PrintJobRow);
  }

  /** What the kiosk's print page shows for a ticket of today (by its tracking id), or undefined. */
  function pagePrint(trackingId: string): TicketPrint | undefined {
    const row = ctx.repos.tickets.byTrackingId(trackingId);
    return row && row.queue_day === queue.currentDay().queueDay ? currentPayload(row, false) : undefined;
  }

  /** `GET /api/health`: degraded while an enabled printer is known not to be online (unchecked ones do not count). */
  function health(): { status: 'ok' | 'degraded'; printers: HealthPrinter[] } {
    const list = printers
      .list()
      .filter((p) => p.enabled === 1)
      .map((p) => {
        const { state, pendingJobs, reason } = hooks.statusOf(p);
        return { id: p.id, name: p.name, state, pendingJobs, reason };
      });
    return { status: list.some((p) => p.state !== 'online' && p.state !== 'unknown') ? 'degraded' : 'ok', printers: list };
  }

  return {
    printers,
    jobs,
    settings,
    saveSettings,
    expire,
    pagePrint,
    health,
    layout,
    logo,
    saveLayout,
    syncDefault,
    list: () => printers.list().map(toPrinter),
    create,
    update,
    remove,
    printerFor,
    enqueueIssued,
    wakeIssued,
    reprint,
    testPrint,
    samplePrint,
    recentJobs: (limit = 50) => jobs.recent(limit).map(toPrintJob),
    /** The printer status a kiosk watches (its own printer, else the default), or null when it has none. */
    kioskPrinter: (deviceId: number | null): PrinterStatus | null => {
      const p = printerFor(deviceId);
      return p ? hooks.statusOf(p) : null;
    },
  };
}

export type PrintService = ReturnType<typeof printService>;

/** Splits `?width=58` off a PRINTER value: the address, and the paper width when given. */
export function splitWidth(value: string): { address: string; paperWidth: PaperWidth | null } {
  const at = value.indexOf('?');
  if (at < 0) return { address: value, paperWidth: null };
  const width = new URLSearchParams(value.slice(at + 1)).get('width');
  if (width !== '58' && width !== '80') throw new Error(`PRINTER: width must be 58 or 80 (got ${width ?? 'nothing'}) in ${value}`);
  return { address: value.slice(0, at), paperWidth: Number(width) as PaperWidth };
}
