import { Type, type Static } from '@sinclair/typebox';
import { IdSchema } from './common';

/** A queue line (dịch vụ): one ticket prefix and numbering, usually one field of procedures. */
export const ServiceSummarySchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  prefix: Type.String(),
  groupVi: Type.String(),
  groupEn: Type.String(),
  icon: Type.String(),
  displayOrder: Type.Integer(),
  waitingCount: Type.Integer({ minimum: 0 }),
  estimatedWaitMinutes: Type.Integer({ minimum: 0 }),
  issuedToday: Type.Integer({ minimum: 0 }),
  /** Tickets still available today under the daily maximum. */
  remainingToday: Type.Integer({ minimum: 0 }),
  /** Numbers of the counters that serve this service. */
  counterNumbers: Type.Array(Type.Integer()),
});
export type ServiceSummary = Static<typeof ServiceSummarySchema>;
