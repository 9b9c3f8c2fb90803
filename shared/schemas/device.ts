import { Type, type Static } from '@sinclair/typebox';
import { DEVICE_KINDS } from '../access';
import { IdSchema, InstantSchema, Nullable, StringEnum } from './common';

/** Kind of a paired device. */
export const DeviceKindSchema = StringEnum(DEVICE_KINDS);

/** A paired device as the admin sees it. */
export const DeviceSchema = Type.Object({
  id: IdSchema,
  name: Type.String(),
  kind: DeviceKindSchema,
  pairedAt: InstantSchema,
  lastSeenAt: Nullable(InstantSchema),
  revoked: Type.Boolean(),
  /** Rating tablets only: the counter it stands at (null until an admin binds it). */
  counterId: Type.Optional(Nullable(IdSchema)),
});
export type Device = Static<typeof DeviceSchema>;

/** `POST /api/devices/pairing` body: the device says what it is. */
export const PairingRequestBodySchema = Type.Object({ kind: DeviceKindSchema }, { additionalProperties: false });

/** A pairing request as the asking device sees it: show `code`, then poll with `pairingId`. */
export const PairingRequestSchema = Type.Object({
  pairingId: Type.String(),
  code: Type.String({ pattern: '^[0-9]{6}$' }),
  kind: DeviceKindSchema,
  expiresAt: InstantSchema,
});
export type PairingRequest = Static<typeof PairingRequestSchema>;

/** `GET /api/devices/pairing/:pairingId` params. */
export const PairingParamsSchema = Type.Object({ pairingId: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });

/** Poll reply; once `paired`, the reply also sets the device cookie. */
export const PairingStatusSchema = Type.Object({
  status: StringEnum(['pending', 'paired', 'expired'] as const),
  device: Type.Optional(DeviceSchema),
});

/** `POST /api/admin/devices` body: the code shown on the device and a name for it. */
export const ApprovePairingBodySchema = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9 ]{6,9}$' }),
    name: Type.String({ minLength: 1, maxLength: 80 }),
    /** Rating tablets: the counter it stands at. */
    counterId: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
);
export type ApprovePairingBody = Static<typeof ApprovePairingBodySchema>;

/** `PUT /api/admin/devices/:id/counter` body: bind a rating tablet to a counter (or unbind it). */
export const DeviceCounterBodySchema = Type.Object({ counterId: Nullable(IdSchema) }, { additionalProperties: false });
export type DeviceCounterBody = Static<typeof DeviceCounterBodySchema>;

/** `GET /api/devices/me`: what this browser counts as. */
export const DeviceSelfSchema = Type.Object({
  device: Nullable(DeviceSchema),
  /** True when the office runs without pairing. */
  openLan: Type.Boolean(),
});
export type DeviceSelf = Static<typeof DeviceSelfSchema>;
