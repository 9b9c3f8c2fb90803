import { Type, type Static } from '@sinclair/typebox';
import { ClockTimeSchema, DaySchema, IdSchema, InstantSchema, Nullable, StringEnum } from './common';
import { SessionSchema } from './office';
import { PeriodSchema } from './report';
import { IssuedTicketSchema } from './ticket';

/** Lifecycle of a booking: booked → checked_in | missed | cancelled. */
export const AppointmentStatus = { BOOKED: 'booked', CHECKED_IN: 'checked_in', MISSED: 'missed', CANCELLED: 'cancelled' } as const;
export type AppointmentStatus = (typeof AppointmentStatus)[keyof typeof AppointmentStatus];

/** What a late arrival (after the check-in window) gets: a normal ticket, or nothing. */
export const LateRule = { TICKET: 'ticket', REFUSE: 'refuse' } as const;
export type LateRule = (typeof LateRule)[keyof typeof LateRule];

/** Why a slot cannot be booked (details of SLOT_CLOSED). */
export const SlotClosedReason = { PAST: 'past', LEAD: 'lead', HOLIDAY: 'holiday', TOO_FAR: 'too_far', BLOCKED: 'blocked', NOT_A_SLOT: 'not_a_slot' } as const;
export type SlotClosedReason = (typeof SlotClosedReason)[keyof typeof SlotClosedReason];

/** A booking code as typed: letters and digits of the code alphabet (normalised by the server). */
export const BookingCodeSchema = Type.String({ minLength: 4, maxLength: 12, pattern: '^[0-9A-Za-z -]+$' });
/** A phone number as typed. */
export const PhoneSchema = Type.String({ minLength: 8, maxLength: 20, pattern: '^[0-9 +().-]+$' });

/** An office's rules for booking one service (admin). */
export const AppointmentRuleSchema = Type.Object(
  {
    enabled: Type.Boolean(),
    slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
    /** Bookings one slot takes. */
    places: Type.Integer({ minimum: 1, maximum: 100 }),
    /** Local sessions in which slots are cut; null: the office's working sessions. */
    sessions: Nullable(Type.Array(SessionSchema, { minItems: 1, maxItems: 6 })),
    /** How many days ahead a citizen may book (today counts as day 0). */
    daysAhead: Type.Integer({ minimum: 0, maximum: 90 }),
    /** Latest booking time: this many minutes before the slot starts. */
    leadMinutes: Type.Integer({ minimum: 0, maximum: 2880 }),
    /** Bookings of one phone (or ID number) per day for this service. */
    perPersonPerDay: Type.Integer({ minimum: 1, maximum: 20 }),
    /** Check-in opens this many minutes before the slot … */
    checkInBeforeMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    /** … and closes this many minutes after the slot starts. */
    checkInAfterMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    lateRule: StringEnum(Object.values(LateRule)),
    /** Skip the office calendar's holidays and days off (off only for an office open every day, as the demo). */
    skipHolidays: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type AppointmentRule = Static<typeof AppointmentRuleSchema>;

/** Office-wide booking settings (admin). */
export const AppointmentSettingsSchema = Type.Object(
  {
    /** The ID number (CCCD) is asked for and required, or optional. */
    idNumberRequired: Type.Boolean(),
    /** Refuse new bookings of a phone or ID number with this many misses in the window (0: never). */
    maxMisses: Type.Integer({ minimum: 0, maximum: 50 }),
    missWindowDays: Type.Integer({ minimum: 1, maximum: 365 }),
  },
  { additionalProperties: false },
);
export type AppointmentSettings = Static<typeof AppointmentSettingsSchema>;

/** `GET /api/appointments/options`: what the booking pages need. */
export const AppointmentOptionsSchema = Type.Object({
  idNumberRequired: Type.Boolean(),
  /** Today in the office's time zone. */
  today: DaySchema,
  services: Type.Array(
    Type.Object({ serviceId: IdSchema, nameVi: Type.String(), nameEn: Type.String(), daysAhead: Type.Integer(), slotMinutes: Type.Integer() }),
  ),
});
export type AppointmentOptions = Static<typeof AppointmentOptionsSchema>;

/** `GET /api/appointments/slots` query. */
export const SlotsQuerySchema = Type.Object({ serviceId: IdSchema, date: DaySchema }, { additionalProperties: false });
export type SlotsQuery = Static<typeof SlotsQuerySchema>;

/** One bookable slot. */
export const SlotSchema = Type.Object({ start: InstantSchema, end: InstantSchema, capacity: Type.Integer(), available: Type.Integer() });
export type Slot = Static<typeof SlotSchema>;
export const SlotListSchema = Type.Array(SlotSchema);

/** `POST /api/appointments` body. */
export const BookBodySchema = Type.Object(
  {
    serviceId: IdSchema,
    start: InstantSchema,
    fullName: Type.String({ minLength: 2, maxLength: 100 }),
    phone: PhoneSchema,
    idNumber: Type.Optional(Type.String({ maxLength: 12, pattern: '^([0-9]{9}|[0-9]{12})?$' })),
    procedureId: Type.Optional(IdSchema),
    /** The citizen agreed to the privacy notice (Luật 91/2025/QH15: consent before collecting). */
    consent: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type BookBody = Static<typeof BookBodySchema>;

/** `POST /api/appointments` reply (shown only after commit). */
export const BookedSchema = Type.Object({
  code: Type.String(),
  /** Secret of the cancel link; given once, kept only as a hash. */
  cancelToken: Type.String(),
  serviceId: IdSchema,
  start: InstantSchema,
  end: InstantSchema,
  checkInFrom: InstantSchema,
  checkInUntil: InstantSchema,
});
export type Booked = Static<typeof BookedSchema>;

/** `:code` route parameter. */
export const BookingCodeParamsSchema = Type.Object({ code: BookingCodeSchema }, { additionalProperties: false });
/** `GET /api/appointments/:code` query: the phone is the second factor. */
export const BookingLookupQuerySchema = Type.Object({ phone: Type.Optional(PhoneSchema), cancelToken: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false });

/** A booking as its holder sees it: nothing personal but a masked name. */
export const AppointmentPublicSchema = Type.Object({
  code: Type.String(),
  status: StringEnum(Object.values(AppointmentStatus)),
  serviceId: IdSchema,
  serviceNameVi: Type.String(),
  serviceNameEn: Type.String(),
  procedureId: Nullable(IdSchema),
  procedureName: Nullable(Type.String()),
  start: InstantSchema,
  end: InstantSchema,
  checkInFrom: InstantSchema,
  checkInUntil: InstantSchema,
  /** "Nguyễn V. A." */
  maskedName: Type.String(),
});
export type AppointmentPublic = Static<typeof AppointmentPublicSchema>;

/** `POST /api/appointments/:code/cancel` body: the citizen's token (or phone), or a staff reason. */
export const CancelBookingBodySchema = Type.Object(
  {
    cancelToken: Type.Optional(Type.String({ maxLength: 64 })),
    phone: Type.Optional(PhoneSchema),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type CancelBookingBody = Static<typeof CancelBookingBodySchema>;

/** `POST /api/appointments/:code/check-in` reply. */
export const CheckInReplySchema = Type.Object({ ticket: IssuedTicketSchema, late: Type.Boolean() });
export type CheckInReply = Static<typeof CheckInReplySchema>;

/** A booking as staff see it (today's list at a counter). */
export const AppointmentStaffSchema = Type.Object({
  id: IdSchema,
  code: Type.String(),
  status: StringEnum(Object.values(AppointmentStatus)),
  serviceId: IdSchema,
  procedureName: Nullable(Type.String()),
  start: InstantSchema,
  end: InstantSchema,
  fullName: Type.String(),
  phone: Type.String(),
  ticketId: Nullable(IdSchema),
  ticketNumber: Nullable(Type.String()),
  checkedInAt: Nullable(InstantSchema),
});
export type AppointmentStaff = Static<typeof AppointmentStaffSchema>;
export const AppointmentStaffListSchema = Type.Array(AppointmentStaffSchema);

/** `GET /api/appointments/today` query. */
export const TodayQuerySchema = Type.Object({ serviceId: Type.Optional(Type.Array(IdSchema, { maxItems: 50 })), date: Type.Optional(DaySchema) }, { additionalProperties: false });

/** `GET/PUT /api/admin/appointments`: every service's rules and the office settings. */
export const AppointmentAdminSchema = Type.Object({
  settings: AppointmentSettingsSchema,
  rules: Type.Array(Type.Object({ serviceId: IdSchema, nameVi: Type.String(), rule: AppointmentRuleSchema })),
});
export type AppointmentAdmin = Static<typeof AppointmentAdminSchema>;

/** A staff block: a whole day (start null) or one slot, of one service or all (serviceId null). */
export const AppointmentBlockBodySchema = Type.Object(
  { serviceId: Nullable(IdSchema), date: DaySchema, start: Nullable(ClockTimeSchema), reason: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);
export type AppointmentBlockBody = Static<typeof AppointmentBlockBodySchema>;
export const AppointmentBlockSchema = Type.Composite([Type.Object({ id: IdSchema }), AppointmentBlockBodySchema]);
export type AppointmentBlock = Static<typeof AppointmentBlockSchema>;
export const AppointmentBlockListSchema = Type.Array(AppointmentBlockSchema);

/** One line of the appointments report: a service's bookings by outcome and the waits of holders vs walk-ins. */
export const AppointmentReportRowSchema = Type.Object({
  serviceId: Nullable(IdSchema),
  serviceName: Type.String(),
  booked: Type.Integer(),
  checkedIn: Type.Integer(),
  /** Checked in after the window (a normal ticket, by the late rule). */
  late: Type.Integer(),
  missed: Type.Integer(),
  cancelled: Type.Integer(),
  /** Still booked (a slot not yet passed). */
  pending: Type.Integer(),
  /** Average minutes from ticket to call: appointment holders (checked in on time) and everyone else; null without calls. */
  appointmentWaitMinutes: Nullable(Type.Number()),
  walkInWaitMinutes: Nullable(Type.Number()),
  appointmentCalls: Type.Integer(),
  walkInCalls: Type.Integer(),
});
export type AppointmentReportRow = Static<typeof AppointmentReportRowSchema>;

/** `GET /api/reports/appointments`: per service and in total, for business days from…to. */
export const AppointmentReportSchema = Type.Object({
  officeName: Type.String(),
  period: PeriodSchema,
  services: Type.Array(AppointmentReportRowSchema),
  total: AppointmentReportRowSchema,
});
export type AppointmentReport = Static<typeof AppointmentReportSchema>;
