import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, Nullable } from './common';
import { TicketSchema } from './ticket';

/** A service served at a counter; a higher weight is called first when several services wait. */
export const CounterServiceSchema = Type.Object({
  serviceId: IdSchema,
  weight: Type.Integer({ minimum: 0, maximum: 100 }),
});
export type CounterService = Static<typeof CounterServiceSchema>;

/** A counter (quầy) and who works there now. */
export const CounterStateSchema = Type.Object({
  id: IdSchema,
  number: Type.Integer({ minimum: 1 }),
  name: Type.String(),
  area: Type.String(),
  services: Type.Array(CounterServiceSchema),
  open: Type.Boolean(),
  staffId: Nullable(IdSchema),
  /** Staff channels always; public ones only when the office shows staff names (`showStaffNames`), else null. */
  staffName: Nullable(Type.String()),
  /** The ticket called or being served at this counter. */
  currentTicket: Nullable(TicketSchema),
  servedToday: Type.Integer({ minimum: 0 }),
});
export type CounterState = Static<typeof CounterStateSchema>;
