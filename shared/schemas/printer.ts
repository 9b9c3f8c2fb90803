import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, InstantSchema, Nullable, StringEnum } from './common';

/** Command dialect of a thermal printer. */
export const PrinterType = { EPSON: 'epson', STAR: 'star' } as const;
/** One printer dialect. */
export type PrinterType = (typeof PrinterType)[keyof typeof PrinterType];

/** Paper roll widths in millimetres. */
export const PAPER_WIDTHS = [58, 80] as const;
/** A paper roll width. */
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

/** A paper width in millimetres. */
export const PaperWidthSchema = Type.Union([Type.Literal(58), Type.Literal(80)]);

/** Printable dots across the paper for each roll width (203 dpi heads). */
export const PAPER_DOTS: Record<PaperWidth, number> = { 58: 384, 80: 576 };

/**
 * Health of a printer as last seen by the hub, from its `DLE EOT` answers. `near_end`: still prints, the roll runs
 * out soon; `error`: autocutter, mechanical or head error; `offline`: the printer says it is offline (paper being
 * fed, waiting to recover). `unknown`: not checked yet (or a browser printer the hub cannot see); `disabled`: switched
 * off by the admin.
 */
export const PrinterState = {
  ONLINE: 'online',
  NEAR_END: 'near_end',
  PAPER_OUT: 'paper_out',
  COVER_OPEN: 'cover_open',
  ERROR: 'error',
  OFFLINE: 'offline',
  UNREACHABLE: 'unreachable',
  UNKNOWN: 'unknown',
  DISABLED: 'disabled',
} as const;
/** One printer health state. */
export type PrinterState = (typeof PrinterState)[keyof typeof PrinterState];

/**
 * Printer address: `tcp://host:port` (LAN, port 9100 by default), `file:///dev/usb/lp0` (a USB printer on the hub
 * machine, Linux usblp), `browser` (the kiosk prints the ticket page itself to its OS printer), `printer:name` (an OS
 * printer through a driver), or `file:relative/dir` (writes each ticket as a PNG there — the demo default). Relative
 * folders only, no `..`; device files only under /dev (any absolute path only through the PRINTER variable).
 */
export const PrinterAddressSchema = Type.String({
  maxLength: 200,
  pattern: '^(tcp://[A-Za-z0-9.-]+(:[0-9]{1,5})?|file:///dev/(usb/)?lp[0-9]{1,2}|browser|printer:[A-Za-z0-9 ._-]+|file:(\\./)?[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*)$',
});

/** Live status of one printer, pushed as `printer:status` (no address: kiosks receive it too). */
export const PrinterStatusSchema = Type.Object({
  printerId: IdSchema,
  /** The kiosk this printer belongs to; null for the default printer. */
  deviceId: Nullable(IdSchema),
  state: StringEnum(Object.values(PrinterState)),
  checkedAt: Nullable(InstantSchema),
  /** Jobs waiting to print (retrying while the printer is down). */
  pendingJobs: Type.Integer({ minimum: 0, description: 'Jobs waiting for the printer, counted up to 1,000' }),
  /** Last transport error, for the admin. */
  lastError: Nullable(Type.String()),
  /** Why the printer is not plainly online, in Vietnamese (decoded from its status answers); null when online. */
  reason: Nullable(Type.String()),
  /** The kiosk prints the ticket page itself (address `browser`): the hub sends nothing. */
  browser: Type.Boolean(),
  paperWidth: PaperWidthSchema,
});
export type PrinterStatus = Static<typeof PrinterStatusSchema>;

/** What an admin edits about a printer. */
export const PrinterInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    /** Paired kiosk device; null only for the default printer. */
    deviceId: Nullable(IdSchema),
    type: StringEnum(Object.values(PrinterType)),
    address: PrinterAddressSchema,
    paperWidth: PaperWidthSchema,
    enabled: Type.Boolean(),
    /** Draw the QR code into the image instead of the printer's `GS ( k` (firmware without it). Default false. */
    qrRaster: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PrinterInput = Static<typeof PrinterInputSchema>;

/** A printer as the admin sees it. */
export const PrinterSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  deviceId: Nullable(IdSchema),
  deviceName: Nullable(Type.String()),
  type: StringEnum(Object.values(PrinterType)),
  address: Type.String(),
  paperWidth: PaperWidthSchema,
  enabled: Type.Boolean(),
  qrRaster: Type.Boolean(),
  /** The default printer from the PRINTER environment variable (address not editable). */
  fromEnv: Type.Boolean(),
  status: PrinterStatusSchema,
});
export type Printer = Static<typeof PrinterSchema>;

/** `GET /api/printers/mine`: the printer of the asking kiosk (its own, else the default), or none. */
export const KioskPrinterSchema = Type.Object({ printer: Nullable(PrinterStatusSchema) });
export type KioskPrinter = Static<typeof KioskPrinterSchema>;

/** Items of the ticket that the admin may hide. */
export const TICKET_ITEMS = ['logo', 'officeName', 'serviceName', 'priority', 'peopleAhead', 'estimatedWait', 'issuedAt', 'qr'] as const;
/** One hideable ticket item. */
export type TicketItem = (typeof TICKET_ITEMS)[number];

/** Ticket layout set by the admin: header and footer text and which items are printed. */
export const TicketLayoutSchema = Type.Object(
  {
    headerText: Type.String({ maxLength: 120 }),
    footerText: Type.String({ maxLength: 200 }),
    hidden: Type.Array(StringEnum(TICKET_ITEMS), { maxItems: TICKET_ITEMS.length, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type TicketLayout = Static<typeof TicketLayoutSchema>;

/** Layout of a new office. */
export const DEFAULT_TICKET_LAYOUT: TicketLayout = {
  headerText: '',
  // Printed when the ticket is issued: no thanks for a wait that has not happened yet.
  footerText: 'Mời ông/bà theo dõi màn hình và loa gọi số.',
  hidden: [],
};

/** State of a print job. */
export const PrintJobStatus = { PENDING: 'pending', DONE: 'done', EXPIRED: 'expired', CANCELLED: 'cancelled' } as const;
/** One print job state. */
export type PrintJobStatus = (typeof PrintJobStatus)[keyof typeof PrintJobStatus];

/** A print job as the admin sees it. */
export const PrintJobSchema = Type.Object({
  id: IdSchema,
  printerId: IdSchema,
  ticketId: Nullable(IdSchema),
  number: Type.String(),
  kind: StringEnum(['ticket', 'reprint', 'test'] as const),
  status: StringEnum(Object.values(PrintJobStatus)),
  attempts: Type.Integer({ minimum: 0 }),
  lastError: Nullable(Type.String()),
  createdAt: InstantSchema,
  printedAt: Nullable(InstantSchema),
});
export type PrintJob = Static<typeof PrintJobSchema>;

/** `POST /api/tickets/:id/reprint` body: which printer (default: the ticket's original printer). */
export const ReprintBodySchema = Type.Object({ printerId: Type.Optional(IdSchema) }, { additionalProperties: false });
export type ReprintBody = Static<typeof ReprintBodySchema>;

/** Office-wide printing settings (edited with the printers). */
export const PrintSettingsSchema = Type.Object(
  {
    /**
     * A ticket not printed within this many minutes (printer out of paper, open, unreachable) is never printed: the
     * citizen left with the on-screen ticket, and a late paper would wait in the tray for the next citizen.
     */
    expireMinutes: Type.Integer({ minimum: 1, maximum: 30 }),
  },
  { additionalProperties: false },
);
export type PrintSettings = Static<typeof PrintSettingsSchema>;

/** Print settings of a new office. */
export const DEFAULT_PRINT_SETTINGS: PrintSettings = { expireMinutes: 2 };

/** `GET /api/print-page/:trackingId` query: the paper width (default: the asking kiosk's printer, else 80). */
export const PrintPageQuerySchema = Type.Object({ width: Type.Optional(PaperWidthSchema) }, { additionalProperties: false });

/** One enabled printer in `GET /api/health`. */
export const HealthPrinterSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  state: StringEnum(Object.values(PrinterState)),
  pendingJobs: Type.Integer({ minimum: 0, description: 'Jobs waiting for the printer, counted up to 1,000' }),
  /** Why it is not online, in Vietnamese; null when online. */
  reason: Nullable(Type.String()),
});
export type HealthPrinter = Static<typeof HealthPrinterSchema>;

/** `print:job` push: the outcome of a ticket's print job, for the kiosk showing that ticket. */
export const PrintJobOutcomeSchema = Type.Object({
  ticketId: IdSchema,
  printerId: IdSchema,
  deviceId: Nullable(IdSchema),
  /** `done`: the paper is out; `failed`: sent but the printer reported it could not finish; `expired`: never printed. */
  outcome: StringEnum(['done', 'failed', 'expired'] as const),
});
export type PrintJobOutcome = Static<typeof PrintJobOutcomeSchema>;
