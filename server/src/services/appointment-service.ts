import { randomBytes, timingSafeEqual } from 'node:crypto';
import { normalizeBookingCode } from '@shared/booking-code';
import { zonedInstant } from '@shared/working-days';
import type {
  AppointmentOptions,
  AppointmentPublic,
  AppointmentStaff,
  BookBody,
  Booked,
  CancelBookingBody,
  CheckInReply,
  Slot,
} from '@shared/schemas/appointment';
import { bookingCodeFrom, checkInDecision, checkInWindow, slotClosedReason, slotsOfDay } from '../domain/appointment-slots';
import { maskName } from '../domain/dossier-lifecycle';
import { fail } from '../errors';
import type { AppointmentListRow } from '../repositories/appointments-repository';
import type { AuditActor, StaffActor } from '../repositories/audit-repository';
import { appointmentRules, hashToken, normalizePhone } from './appointment-rules';
import type { ServiceContext } from './context';
import type { IdNumberHasher } from './id-number-hash';
import type { IssueSource, TicketService } from './ticket-service';

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Citizens book, look up, cancel and check in; staff see the day's bookings. Every change is one transaction. */
export function appointmentService(ctx: ServiceContext, tickets: TicketService, idHash: IdNumberHasher) {
  const { repos, db } = ctx;
  const rules = appointmentRules(ctx);

  function bookableService(serviceId: number) {
    const svc = repos.catalog.serviceById(serviceId) ?? fail('SERVICE_NOT_FOUND');
    const rule = rules.rule(serviceId);
    if (svc.active !== 1 || !rule.enabled) fail('APPOINTMENTS_OFF');
    return { svc, rule };
  }

  function options(): AppointmentOptions {
    const services = repos.catalog
      .services()
      .filter((s) => s.active === 1)
      .map((s) => ({ s, rule: rules.rule(s.id) }))
      .filter((x) => x.rule.enabled)
      .map(({ s, rule }) => ({ serviceId: s.id, nameVi: s.name_vi, nameEn: s.name_en, daysAhead: rule.daysAhead, slotMinutes: rule.slotMinutes }));
    return { idNumberRequired: rules.settings().idNumberRequired, today: rules.dayOf(ctx.now()), services };
  }

  /** Slots of a day with places left; closed slots (past, blocked, too late to book) are left out, a day off has none. */
  function slots(serviceId: number, date: string): Slot[] {
    const { rule } = bookableService(serviceId);
    const cal = rules.calendar();
    const now = ctx.now();
    const today = rules.dayOf(now);
    const blocks = repos.appointments.blocksOf(date).map((b) => ({ serviceId: b.service_id, date: b.date, start: b.start }));
    const taken = repos.appointments.takenOfDay(serviceId, date);
    return slotsOfDay(cal, rule, date)
      .filter((slot) => slotClosedReason(cal, rule, { now, today, date, slot, serviceId, blocks }) === null)
      .map((slot) => ({ start: iso(slot.start), end: iso(slot.end), capacity: rule.places, available: Math.max(0, rule.places - (taken.get(slot.start) ?? 0)) }));
  }

  function newCode(): string {
    for (;;) {
      const code = bookingCodeFrom(randomBytes(8));
      if (!repos.appointments.codeTaken(code)) return code;
    }
  }

  /**
   * Books a place. Checks and insert run in one immediate transaction, so concurrent bookings of the last place are
   * serialised: one wins, the others see the slot full. Nothing is written on any refusal.
   */
  function book(body: BookBody): Booked {
    if (!body.consent) fail('CONSENT_REQUIRED');
    const idNumber = body.idNumber ?? '';
    if (rules.settings().idNumberRequired && idNumber.length !== 12) fail('ID_NUMBER_REQUIRED');
    const phone = normalizePhone(body.phone);
    if (phone.length < 9 || phone.length > 11) fail('VALIDATION_FAILED', { field: 'phone' });
    const fullName = body.fullName.trim().replace(/\s+/g, ' ');
    const start = Date.parse(body.start);
    const token = randomBytes(16).toString('base64url');
    // Only the salted hash finds the booking from a CCCD scan at the kiosk.
    const hashed = idNumber ? idHash.hash(idNumber) : null;
    return db
      .transaction((): Booked => {
        const { rule } = bookableService(body.serviceId);
        if (body.procedureId !== undefined && repos.catalogSearch.byId(body.procedureId)?.active !== 1) fail('NOT_FOUND', { field: 'procedureId' });
        const now = ctx.now();
        const cal = rules.calendar();
        const date = rules.dayOf(start);
        const slot = slotsOfDay(cal, rule, date).find((s) => s.start === start) ?? fail('SLOT_CLOSED', { reason: 'not_a_slot' });
        const blocks = repos.appointments.blocksOf(date).map((b) => ({ serviceId: b.service_id, date: b.date, start: b.start }));
        const reason = slotClosedReason(cal, rule, { now, today: rules.dayOf(now), date, slot, serviceId: body.serviceId, blocks });
        if (reason) fail('SLOT_CLOSED', { reason });
        const settings = rules.settings();
        if (settings.maxMisses > 0 && repos.appointments.misses(now - settings.missWindowDays * DAY_MS, phone, hashed ?? '') >= settings.maxMisses) {
          fail('BOOKING_LIMIT', { reason: 'misses' });
        }
        if (repos.appointments.ofPerson(body.serviceId, date, phone, hashed ?? '') >= rule.perPersonPerDay) fail('BOOKING_LIMIT', { reason: 'per_day' });
        if (repos.appointments.taken(body.serviceId, start) >= rule.places) fail('SLOT_FULL');
        const w = checkInWindow(start, rule);
        const code = newCode();
        const id = repos.appointments.insert({
          code,
          cancel_token_hash: hashToken(token),
          service_id: body.serviceId,
          procedure_id: body.procedureId ?? null,
          day: date,
          slot_start: slot.start,
          slot_end: slot.end,
          checkin_from: w.from,
          checkin_until: w.until,
          late_rule: rule.lateRule,
          full_name: fullName,
          phone,
          // Only the salted hash is kept (limits per person, the CCCD scan at the kiosk), never the number.
          id_number: '',
          id_hash: hashed,
          created_at: now,
        });
        repos.events.appointment('appointment.booked', id, now);
        return { code, cancelToken: token, serviceId: body.serviceId, start: iso(slot.start), end: iso(slot.end), checkInFrom: iso(w.from), checkInUntil: iso(w.until) };
      })
      .immediate();
  }

  const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

  /** The booking of `code` when the second factor (the phone, or the cancel link's token) matches; else not found. */
  function loadFor(rawCode: string, proof: { phone?: string; cancelToken?: string }): AppointmentListRow {
    const code = normalizeBookingCode(rawCode);
    const row = code ? repos.appointments.byCode(code) : undefined;
    if (!row || row.anonymised_at !== null) fail('APPOINTMENT_NOT_FOUND');
    const byPhone = proof.phone !== undefined && row.phone !== '' && normalizePhone(proof.phone) === row.phone;
    const byToken = proof.cancelToken !== undefined && sameSecret(hashToken(proof.cancelToken), row.cancel_token_hash);
    if (!byPhone && !byToken) fail('APPOINTMENT_NOT_FOUND');
    return row;
  }

  function toPublic(r: AppointmentListRow): AppointmentPublic {
    const svc = repos.catalog.serviceById(r.service_id);
    return {
      code: r.code,
      status: r.status,
      serviceId: r.service_id,
      serviceNameVi: svc?.name_vi ?? '',
      serviceNameEn: svc?.name_en ?? '',
      procedureId: r.procedure_id,
      procedureName: r.procedure_name,
      start: iso(r.slot_start),
      end: iso(r.slot_end),
      checkInFrom: iso(r.checkin_from),
      checkInUntil: iso(r.checkin_until),
      maskedName: maskName(r.full_name),
    };
  }

  const get = (code: string, proof: { phone?: string; cancelToken?: string }): AppointmentPublic => toPublic(loadFor(code, proof));

  /** Cancels a booking: the citizen with the link's token (or the phone), or staff with a reason (audited). */
  function cancel(rawCode: string, body: CancelBookingBody, staff: StaffActor | null): AppointmentPublic {
    return db.transaction((): AppointmentPublic => {
      const at = ctx.now();
      let row: AppointmentListRow;
      if (staff && body.cancelToken === undefined && body.phone === undefined) {
        if (!body.reason?.trim()) fail('REASON_REQUIRED');
        const code = normalizeBookingCode(rawCode);
        row = (code ? repos.appointments.byCode(code) : undefined) ?? fail('APPOINTMENT_NOT_FOUND');
      } else row = loadFor(rawCode, body);
      if (row.status !== 'booked' || row.slot_start <= at) fail('APPOINTMENT_NOT_CANCELLABLE', { status: row.status });
      repos.appointments.cancel(row.id, at, staff?.userId ?? null, staff ? (body.reason ?? null) : null);
      repos.events.appointment('appointment.cancelled', row.id, at);
      if (staff) repos.audit.write(at, staff, { action: 'appointment.cancel', targetType: 'appointment', targetId: row.id, details: { code: row.code, reason: body.reason } });
      return toPublic(repos.appointments.byCode(row.code) as AppointmentListRow);
    })();
  }

  /**
   * Check-in at the kiosk by code: inside the window a ticket of the appointment group, linked to the booking; a late
   * arrival per the booking's late rule. Ticket and booking change commit together.
   */
  function checkIn(rawCode: string, source: IssueSource, identity?: { idNumber: string }): CheckInReply {
    const code = normalizeBookingCode(rawCode);
    const row = (code ? repos.appointments.byCode(code) : undefined) ?? fail('APPOINTMENT_NOT_FOUND');
    const decide = (r: AppointmentListRow, now: number) => checkInDecision(now, { status: r.status, checkInFrom: r.checkin_from, checkInUntil: r.checkin_until }, r.late_rule);
    const first = decide(row, ctx.now());
    if (first === 'cancelled') fail('APPOINTMENT_CANCELLED');
    if (first === 'already') fail('ALREADY_CHECKED_IN', { ticketNumber: row.ticket_number });
    if (first === 'too_early') fail('TOO_EARLY', { checkInFrom: iso(row.checkin_from), start: iso(row.slot_start) });
    if (first === 'too_late') fail('TOO_LATE', { checkInUntil: iso(row.checkin_until) });
    const late = first === 'late_ticket';
    const body = { serviceId: row.service_id, ...(late ? {} : { priorityGroup: 'appointment' as const }), ...(identity ? { identity } : {}) };
    const ticket = tickets.issueLinked(body, source, (t, at) => {
      // Re-read inside the transaction: a second kiosk checking in the same code at once must not get a second ticket.
      const now = repos.appointments.byCode(row.code) as AppointmentListRow;
      if (decide(now, at) !== first) fail('ALREADY_CHECKED_IN');
      repos.appointments.checkIn(row.id, at, t.id, late);
      repos.events.appointment('appointment.checked_in', row.id, at);
    });
    return { ticket, late };
  }

  /**
   * Check-in by a CCCD scan at the kiosk: today's booking of the person whose salted ID-number hash matches (the one
   * whose window is open first, else the nearest), then exactly as by its code. The lookup is in the audit log with
   * the device, found or not; the reply carries the ticket, never the name.
   */
  function checkInByIdNumber(idNumber: string, source: IssueSource & { ip?: string | null }): CheckInReply {
    const now = ctx.now();
    const rows = repos.appointments.ofIdHash(idHash.hash(idNumber), rules.dayOf(now));
    const rank = (r: AppointmentListRow) => {
      if (r.status === 'booked') return r.checkin_from <= now && now <= r.checkin_until ? 0 : 1;
      return { checked_in: 2, missed: 3, cancelled: 4 }[r.status];
    };
    const best = [...rows].sort((a, b) => rank(a) - rank(b) || Math.abs(a.slot_start - now) - Math.abs(b.slot_start - now))[0];
    repos.audit.write(now, { userId: null, deviceId: source.deviceId, ip: source.ip ?? null }, {
      action: 'appointment.id_card_lookup',
      targetType: 'appointment',
      targetId: best?.id ?? null,
      details: { found: best !== undefined },
    });
    if (!best) fail('APPOINTMENT_NOT_FOUND');
    return checkIn(best.code, source, { idNumber });
  }

  /** Bookings made before only the hash was kept: hashed, and their number blanked (once, at start). */
  function hashOlderBookings(): void {
    const rows = repos.appointments.unhashed();
    if (rows.length === 0) return;
    db.transaction(() => {
      for (const r of rows) repos.appointments.setHash(r.id, idHash.hash(r.id_number));
    })();
  }

  /** Bookings not checked in by the end of their window become missed (the hub's periodic job). */
  const markMissed = (): number =>
    db.transaction(() => {
      const now = ctx.now();
      const ids = repos.appointments.markMissed(now);
      for (const id of ids) repos.events.appointment('appointment.missed', id, now);
      return ids.length;
    })();

  function toStaff(r: AppointmentListRow): AppointmentStaff {
    return {
      id: r.id,
      code: r.code,
      status: r.status,
      serviceId: r.service_id,
      procedureName: r.procedure_name,
      start: iso(r.slot_start),
      end: iso(r.slot_end),
      fullName: r.full_name,
      phone: r.phone,
      ticketId: r.ticket_id,
      ticketNumber: r.ticket_number,
      checkedInAt: r.checked_in_at === null ? null : iso(r.checked_in_at),
    };
  }

  /**
   * A day's bookings (today by default) of some services, cancelled ones left out, with the citizen's name and phone,
   * for the counters. Read and logged in one transaction: the reader once per booking and office day
   * (personal_data_reads, the access log), since the consoles re-read the list on every queue change.
   */
  function day(q: { date?: string; serviceId?: number[] }, reader: AuditActor): AppointmentStaff[] {
    return db.transaction(() => {
      const now = ctx.now();
      const today = rules.dayOf(now);
      const only = q.serviceId && q.serviceId.length > 0 ? new Set(q.serviceId) : null;
      const rows = repos.appointments.ofDay(q.date ?? today).filter((r) => r.status !== 'cancelled' && (!only || only.has(r.service_id)));
      const since = zonedInstant(today, 0, repos.settings.office().timezone);
      repos.privacy.logBookingReads(now, since, reader, 'list', 'name,phone', rows.map((r) => r.id));
      return rows.map(toStaff);
    })();
  }

  return { options, slots, book, get, cancel, checkIn, checkInByIdNumber, markMissed, day, hashOlderBookings };
}
export type AppointmentService = ReturnType<typeof appointmentService>;
