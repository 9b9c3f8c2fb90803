import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, InstantSchema, Nullable } from './common';

/** `GET /api/admin/audit` query. */
export const AuditQuerySchema = Type.Object(
  {
    from: Type.Optional(InstantSchema),
    to: Type.Optional(InstantSchema),
    userId: Type.Optional(IdSchema),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    beforeId: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuerySchema>;

/** One audit log entry. */
export const AuditEntrySchema = Type.Object({
  id: IdSchema,
  at: InstantSchema,
  userId: Nullable(IdSchema),
  username: Nullable(Type.String()),
  fullName: Nullable(Type.String()),
  deviceId: Nullable(IdSchema),
  ip: Nullable(Type.String()),
  action: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  details: Nullable(Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;
