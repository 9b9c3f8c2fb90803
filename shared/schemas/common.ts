import { Type, type TLiteral, type TSchema } from '@sinclair/typebox';
import { ErrorCode } from '../errors';

/** A database row id. */
export const IdSchema = Type.Integer({ minimum: 1, maximum: 2147483647 });

/** `:id` route parameter. */
export const IdParamsSchema = Type.Object({ id: IdSchema }, { additionalProperties: false });

/** An ISO-8601 instant, e.g. "2026-11-22T01:30:00.000Z". */
export const InstantSchema = Type.String({ format: 'date-time' });

/** "HH:MM" 24-hour wall-clock time ("24:00" allowed as an end). */
export const ClockTimeSchema = Type.String({ pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' });

/** "YYYY-MM-DD" business day. */
export const DaySchema = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

/** `T | null`. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A string enum schema (a union of literals) from an `as const` object's values. */
export const StringEnum = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Union(values.map((v) => Type.Literal(v)) as unknown as [TLiteral<T>], options);

/** Body of every error reply. */
export const ErrorBodySchema = Type.Object({
  code: StringEnum<ErrorCode>(Object.values(ErrorCode)),
  message: Type.String(),
  details: Type.Optional(Type.Unknown()),
});

