import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Allow } from '@shared/access';
import {
  AppointmentOptionsSchema,
  AppointmentPublicSchema,
  AppointmentStaffListSchema,
  BookBodySchema,
  BookedSchema,
  BookingCodeParamsSchema,
  BookingLookupQuerySchema,
  CancelBookingBodySchema,
  CheckInReplySchema,
  SlotListSchema,
  SlotsQuerySchema,
  TodayQuerySchema,
} from '@shared/schemas/appointment';
import { IdCardLookupBodySchema } from '@shared/schemas/id-card';
import { actorOf, readerOf } from '../../plugins/auth';
import { ERROR_RESPONSES } from '../schemas';

const TAGS = ['appointments'];

/**
 * Online appointments. Citizen routes are public (no session): booking, slots, a booking by code + phone (or the
 * cancel link's token), cancel. Check-in is the kiosk's; the day's list is staff's.
 */
const appointments: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/appointments/options',
    {
      config: { allow: Allow.everyone, scope: 'appointments:write' },
      schema: { tags: TAGS, summary: 'Services taking bookings, how far ahead, and whether the ID number is required', response: { 200: AppointmentOptionsSchema, ...ERROR_RESPONSES } },
    },
    async () => app.hub.appointments.options(),
  );
  app.get(
    '/appointments/slots',
    {
      config: { allow: Allow.everyone, scope: 'appointments:write' },
      schema: { tags: TAGS, summary: "A day's bookable slots of a service, with places left", querystring: SlotsQuerySchema, response: { 200: SlotListSchema, ...ERROR_RESPONSES } },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return app.hub.appointments.slots(request.query.serviceId, request.query.date);
    },
  );
  app.post(
    '/appointments',
    {
      // Bookings are anonymous: a per-address limit besides the per-phone/ID limit of the office rules.
      config: { allow: Allow.everyone, scope: 'appointments:write', rateLimit: app.config.appointmentRateLimit > 0 ? { max: app.config.appointmentRateLimit, timeWindow: '1 hour' } : false },
      schema: {
        tags: TAGS,
        summary: 'Book a slot. The code is returned only after the booking is committed; 409 SLOT_FULL, BOOKING_LIMIT or SLOT_CLOSED',
        body: BookBodySchema,
        response: { 201: BookedSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(app.hub.appointments.book(request.body)),
  );
  app.get(
    '/appointments/today',
    {
      config: { allow: Allow.staff },
      schema: { tags: TAGS, summary: "A day's bookings (today by default) with the citizen's name, for the counters", querystring: TodayQuerySchema, response: { 200: AppointmentStaffListSchema, ...ERROR_RESPONSES } },
    },
    async (request) => app.hub.appointments.day(request.query, readerOf(request)),
  );
  app.get(
    '/appointments/:code',
    {
      config: { allow: Allow.everyone, scope: 'appointments:write' },
      schema: {
        tags: TAGS,
        summary: 'A booking by its code and the phone it was made with (or the cancel link token): status, service, times, masked name',
        params: BookingCodeParamsSchema,
        querystring: BookingLookupQuerySchema,
        response: { 200: AppointmentPublicSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return app.hub.appointments.get(request.params.code, request.query);
    },
  );
  app.post(
    '/appointments/:code/cancel',
    {
      config: { allow: Allow.everyone, scope: 'appointments:write' },
      schema: {
        tags: TAGS,
        summary: "Cancel a booking: the citizen with the cancel token (or the phone), or staff with a reason (audited)",
        params: BookingCodeParamsSchema,
        body: CancelBookingBodySchema,
        response: { 200: AppointmentPublicSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => app.hub.appointments.cancel(request.params.code, request.body, request.principal.staff ? actorOf(request) : null),
  );
  app.post(
    '/appointments/check-in-by-id-card',
    {
      config: { allow: Allow.kioskDevice, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: TAGS,
        summary:
          "Check in at the kiosk by a scanned CCCD: today's booking of that ID number (matched by its salted hash), then as by code; 404 APPOINTMENT_NOT_FOUND when none. The lookup is audited; the reply never carries the name",
        body: IdCardLookupBodySchema,
        response: { 201: CheckInReplySchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) =>
      reply.code(201).send(app.hub.appointments.checkInByIdNumber(request.body.idNumber, { deviceId: request.principal.device?.id ?? null, ip: request.principal.ip })),
  );
  app.post(
    '/appointments/:code/check-in',
    {
      config: { allow: Allow.kiosk },
      schema: {
        tags: TAGS,
        summary: 'Check in at the kiosk by booking code: a ticket of the appointment group linked to the booking; 409 TOO_EARLY, TOO_LATE, ALREADY_CHECKED_IN, APPOINTMENT_CANCELLED',
        params: BookingCodeParamsSchema,
        response: { 201: CheckInReplySchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => reply.code(201).send(app.hub.appointments.checkIn(request.params.code, { deviceId: request.principal.device?.id ?? null })),
  );
};
export default appointments;
