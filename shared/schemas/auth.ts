import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, Nullable, StringEnum } from './common';

/** Staff roles, least to most powerful. */
export const Role = { STAFF: 'staff', SUPERVISOR: 'supervisor', ADMIN: 'admin' } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** `POST /api/auth/login` body. */
export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBodySchema>;

/** The signed-in staff member. */
export const MeSchema = Type.Object({
  id: IdSchema,
  username: Type.String(),
  fullName: Type.String(),
  role: StringEnum(Object.values(Role)),
  /** The counter this session has opened, if any. */
  counterId: Nullable(IdSchema),
  /** Seeded or reset accounts must choose a new password before anything else. */
  mustChangePassword: Type.Boolean(),
});
export type Me = Static<typeof MeSchema>;

/** The signed-in staff member's own console preferences (`GET`/`PUT /api/auth/preferences`), kept per account. */
export const StaffPreferencesSchema = Type.Object(
  {
    /** The console's one-letter shortcuts (G, L, B, H, V, T, C, S); off for a user whose speech input or tremor fires them (WCAG 2.1.4). */
    singleKeyShortcuts: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type StaffPreferences = Static<typeof StaffPreferencesSchema>;

/** `POST /api/auth/password` body. */
export const ChangePasswordBodySchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 8, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBodySchema>;
