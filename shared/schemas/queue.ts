import { Type, type Static } from '@sinclair/typebox';
import { DaySchema, InstantSchema } from './common';
import { CounterStateSchema } from './counter';
import { OfficePublicSchema } from './office';
import { HealthPrinterSchema } from './printer';
import { ServiceSummarySchema } from './service';
import { CallRecordSchema, TicketSchema } from './ticket';

/** Everything a screen needs after (re)connecting; pushes are applied on top of it. */
export const QueueSnapshotSchema = Type.Object({
  serverTime: InstantSchema,
  businessDay: DaySchema,
  office: OfficePublicSchema,
  services: Type.Array(ServiceSummarySchema),
  counters: Type.Array(CounterStateSchema),
  /** Today's waiting and parked tickets in the order they would be called (ignoring counter weights). */
  waiting: Type.Array(TicketSchema),
  /** Latest calls first. */
  recentCalls: Type.Array(CallRecordSchema),
});
export type QueueSnapshot = Static<typeof QueueSnapshotSchema>;

/**
 * `GET /api/health` reply: `degraded` while any enabled printer is known not to be online (out of paper, near end,
 * open, in error, offline, unreachable), so an office's monitoring can alert.
 */
export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  printers: Type.Array(HealthPrinterSchema),
});
