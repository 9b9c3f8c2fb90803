import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, InstantSchema, StringEnum } from './common';
import { CounterServiceSchema } from './counter';
import { Role } from './auth';

/** A service as the admin edits it (`POST /api/admin/services`, `PUT /api/admin/services/:id`). */
export const ServiceInputSchema = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9_-]+$' }),
    nameVi: Type.String({ minLength: 1, maxLength: 120 }),
    nameEn: Type.String({ maxLength: 120 }),
    prefix: Type.String({ minLength: 1, maxLength: 3, pattern: '^[A-Z]{1,3}$' }),
    groupVi: Type.String({ maxLength: 120 }),
    groupEn: Type.String({ maxLength: 120 }),
    icon: Type.String({ maxLength: 40 }),
    startNumber: Type.Integer({ minimum: 0, maximum: 99999 }),
    endNumber: Type.Integer({ minimum: 1, maximum: 99999 }),
    dailyMax: Type.Integer({ minimum: 0, maximum: 99999 }),
    active: Type.Boolean(),
    displayOrder: Type.Integer({ minimum: 0, maximum: 9999 }),
  },
  { additionalProperties: false },
);
export type ServiceInput = Static<typeof ServiceInputSchema>;

/** A service with its id (admin list). */
export const ServiceAdminSchema = Type.Composite([Type.Object({ id: IdSchema }), ServiceInputSchema]);
export type ServiceAdmin = Static<typeof ServiceAdminSchema>;

/** A counter as the admin edits it. */
export const CounterInputSchema = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 999 }),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    area: Type.String({ maxLength: 80 }),
    active: Type.Boolean(),
    services: Type.Array(CounterServiceSchema, { maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type CounterInput = Static<typeof CounterInputSchema>;

/** A counter with its id (admin list). */
export const CounterAdminSchema = Type.Composite([Type.Object({ id: IdSchema }), CounterInputSchema]);
export type CounterAdmin = Static<typeof CounterAdminSchema>;

const RoleSchema = StringEnum(Object.values(Role));

/** A staff account (admin list). Never carries the password hash. */
export const UserAdminSchema = Type.Object({
  id: IdSchema,
  username: Type.String(),
  fullName: Type.String(),
  role: RoleSchema,
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  locked: Type.Boolean(),
  createdAt: InstantSchema,
});
export type UserAdmin = Static<typeof UserAdminSchema>;

/** `POST /api/admin/users`: the account must change the given password at first sign-in. */
export const UserCreateSchema = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }),
    fullName: Type.String({ minLength: 1, maxLength: 120 }),
    role: RoleSchema,
    password: Type.String({ minLength: 8, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreateSchema>;

/** `PUT /api/admin/users/:id`. */
export const UserUpdateSchema = Type.Object(
  { fullName: Type.String({ minLength: 1, maxLength: 120 }), role: RoleSchema, active: Type.Boolean() },
  { additionalProperties: false },
);
export type UserUpdate = Static<typeof UserUpdateSchema>;

/** `POST /api/admin/users/:id/password`: reset by an admin (signs the user out everywhere). */
export const PasswordResetSchema = Type.Object({ newPassword: Type.String({ minLength: 8, maxLength: 200 }) }, { additionalProperties: false });
