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

/** Health of a printer as last seen by the hub. `unknown`: not checked yet; `disabled`: switched off by the admin. */
export const PrinterState = {
  ONLINE: 'online',
  PAPER_OUT: 'paper_out',
  COVER_OPEN: 'cover_open',
  UNREACHABLE: 'unreachable',
  UNKNOWN: 'unknown',
  DISABLED: 'disabled',
} as const;
/** One printer health state. */
export type PrinterState = (typeof PrinterState)[keyof typeof PrinterState];

/**
 * Printer address: `tcp://host:port` (LAN, port 9100 by default), `printer:name` (an OS printer through a driver), or
 * `file:relative/dir` (writes each ticket as a PNG there — the demo default). Relative file paths only, no `..`.
 */
export const PrinterAddressSchema = Type.String({
  maxLength: 200,
  pattern: '^(tcp://[A-Za-z0-9.-]+(:[0-9]{1,5})?|printer:[A-Za-z0-9 ._-]+|file:(\\./)?[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*)$',
});

/** Live status of one printer, pushed as `printer:status` (no address: kiosks receive it too). */
export const PrinterStatusSchema = Type.Object({
  printerId: IdSchema,
  /** The kiosk this printer belongs to; null for the default printer. */
  deviceId: Nullable(IdSchema),
  state: StringEnum(Object.values(PrinterState)),
  checkedAt: Nullable(InstantSchema),
  /** Jobs waiting to print (retrying while the printer is down). */
  pendingJobs: Type.Integer({ minimum: 0 }),
  /** Last transport error, for the admin. */
  lastError: Nullable(Type.String()),
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
  footerText: 'Xin cảm ơn ông/bà đã chờ đến lượt.',
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
