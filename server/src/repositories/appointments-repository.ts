import type { AppointmentRule } from '@shared/schemas/appointment';
import type { Db } from '../db';

/** An appointments row. */
export interface AppointmentRow {
  id: number;
  code: string;
  cancel_token_hash: string;
  service_id: number;
  procedure_id: number | null;
  day: string;
  slot_start: number;
  slot_end: number;
  checkin_from: number;
  checkin_until: number;
  late_rule: 'ticket' | 'refuse';
  full_name: string;
  phone: string;
  id_number: string;
  /** Salted hash of the ID number given (null when none); the number itself is not kept (always empty). */
  id_hash: string | null;
  status: 'booked' | 'checked_in' | 'missed' | 'cancelled';
  created_at: number;
  checked_in_at: number | null;
  late: number;
  ticket_id: number | null;
  missed_at: number | null;
  cancelled_at: number | null;
  cancelled_by: number | null;
  cancel_reason: string | null;
  anonymised_at: number | null;
  reminded_at: number | null;
}

/** A booking row joined with what staff lists show. */
export interface AppointmentListRow extends AppointmentRow {
  procedure_name: string | null;
  ticket_number: string | null;
}

/** An appointment_blocks row. */
export interface BlockRow {
  id: number;
  service_id: number | null;
  date: string;
  start: string | null;
  reason: string;
}

export type NewAppointment = Omit<
  AppointmentRow,
  'id' | 'status' | 'checked_in_at' | 'late' | 'ticket_id' | 'missed_at' | 'cancelled_at' | 'cancelled_by' | 'cancel_reason' | 'anonymised_at' | 'reminded_at'
>;

const LIST = `SELECT a.*, p.name AS procedure_name, t.number AS ticket_number FROM appointments a
  LEFT JOIN procedures p ON p.id = a.procedure_id LEFT JOIN tickets t ON t.id = a.ticket_id`;

/** SQL for bookings, their per-service rules and staff blocks. */
export function appointmentsRepository(db: Db) {
  const s = {
    rule: db.prepare<[number], { rule: string }>('SELECT rule FROM appointment_rules WHERE service_id = ?'),
    putRule: db.prepare<[number, string]>('INSERT INTO appointment_rules (service_id, rule) VALUES (?, ?) ON CONFLICT (service_id) DO UPDATE SET rule = excluded.rule'),
    insert: db.prepare(
      `INSERT INTO appointments (code, cancel_token_hash, service_id, procedure_id, day, slot_start, slot_end, checkin_from, checkin_until,
         late_rule, full_name, phone, id_number, id_hash, created_at)
       VALUES (@code, @cancel_token_hash, @service_id, @procedure_id, @day, @slot_start, @slot_end, @checkin_from, @checkin_until,
         @late_rule, @full_name, @phone, @id_number, @id_hash, @created_at)`,
    ),
    byCode: db.prepare<[string], AppointmentListRow>(`${LIST} WHERE a.code = ?`),
    byId: db.prepare<[number], AppointmentListRow>(`${LIST} WHERE a.id = ?`),
    ofIdHash: db.prepare<[string, string], AppointmentListRow>(`${LIST} WHERE a.id_hash = ? AND a.day = ? ORDER BY a.slot_start, a.id`),
    unhashed: db.prepare<[], { id: number; id_number: string }>("SELECT id, id_number FROM appointments WHERE id_number <> ''"),
    // The number itself is never kept: only its salted hash.
    setHash: db.prepare<[string, number]>("UPDATE appointments SET id_hash = ?, id_number = '' WHERE id = ?"),
    toRemind: db.prepare<[string, number], { id: number }>(
      "SELECT id FROM appointments WHERE day = ? AND status = 'booked' AND reminded_at IS NULL AND created_at < ? AND phone <> '' ORDER BY slot_start, id",
    ),
    reminded: db.prepare<[number, number]>('UPDATE appointments SET reminded_at = ? WHERE id = ?'),
    codeTaken: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM appointments WHERE code = ?'),
    taken: db.prepare<[number, number], { n: number }>("SELECT COUNT(*) AS n FROM appointments WHERE service_id = ? AND slot_start = ? AND status <> 'cancelled'"),
    takenOfDay: db.prepare<[number, string], { slot_start: number; n: number }>(
      "SELECT slot_start, COUNT(*) AS n FROM appointments WHERE service_id = ? AND day = ? AND status <> 'cancelled' GROUP BY slot_start",
    ),
    ofPerson: db.prepare<{ service: number; day: string; phone: string; id: string }, { n: number }>(
      `SELECT COUNT(*) AS n FROM appointments WHERE service_id = @service AND day = @day AND status <> 'cancelled'
         AND (phone = @phone OR (@id <> '' AND id_hash = @id))`,
    ),
    misses: db.prepare<{ since: number; phone: string; id: string }, { n: number }>(
      `SELECT COUNT(*) AS n FROM appointments WHERE status = 'missed' AND slot_start >= @since AND (phone = @phone OR (@id <> '' AND id_hash = @id))`,
    ),
    ofDay: db.prepare<[string], AppointmentListRow>(`${LIST} WHERE a.day = ? ORDER BY a.slot_start, a.id`),
    byTicket: db.prepare<[number], AppointmentListRow>(`${LIST} WHERE a.ticket_id = ?`),
    checkIn: db.prepare<{ id: number; at: number; ticket: number; late: number }>(
      "UPDATE appointments SET status = 'checked_in', checked_in_at = @at, ticket_id = @ticket, late = @late WHERE id = @id",
    ),
    cancel: db.prepare<{ id: number; at: number; by: number | null; reason: string | null }>(
      "UPDATE appointments SET status = 'cancelled', cancelled_at = @at, cancelled_by = @by, cancel_reason = @reason WHERE id = @id",
    ),
    markMissed: db.prepare<[number, number], { id: number }>(
      "UPDATE appointments SET status = 'missed', missed_at = ? WHERE status = 'booked' AND checkin_until < ? RETURNING id",
    ),
    blocks: db.prepare<[string], BlockRow>('SELECT id, service_id, date, start, reason FROM appointment_blocks WHERE date >= ? ORDER BY date, start, id'),
    blocksOf: db.prepare<[string], BlockRow>('SELECT id, service_id, date, start, reason FROM appointment_blocks WHERE date = ?'),
    insertBlock: db.prepare(
      'INSERT INTO appointment_blocks (service_id, date, start, reason, created_by, created_at) VALUES (@service_id, @date, @start, @reason, @by, @at)',
    ),
    deleteBlock: db.prepare<[number]>('DELETE FROM appointment_blocks WHERE id = ?'),
    outcomes: db.prepare<[string, string], { service_id: number; booked: number; checked_in: number; late: number; missed: number; cancelled: number; pending: number }>(
      `SELECT service_id, COUNT(*) AS booked, SUM(status = 'checked_in') AS checked_in, SUM(late) AS late, SUM(status = 'missed') AS missed,
         SUM(status = 'cancelled') AS cancelled, SUM(status = 'booked') AS pending
       FROM appointments WHERE day >= ? AND day <= ? GROUP BY service_id`,
    ),
    // A ticket is an appointment holder's when a booking checked in on time links it (the priority group may have been
    // anonymised by retention since; the link stays).
    waits: db.prepare<[string, string], { service_id: number; appt: number; n: number; wait: number }>(
      `SELECT t.service_id, (a.id IS NOT NULL) AS appt, COUNT(*) AS n, SUM(t.called_at - t.issued_at) AS wait
       FROM tickets t LEFT JOIN appointments a ON a.ticket_id = t.id AND a.late = 0
       WHERE t.business_day >= ? AND t.business_day <= ? AND t.called_at IS NOT NULL GROUP BY t.service_id, appt`,
    ),
    byIdHash: db.prepare<[string], AppointmentListRow>(`${LIST} WHERE a.id_hash = ? ORDER BY a.slot_start`),
    erase: db.prepare<[number, number]>("UPDATE appointments SET full_name = '', phone = '', id_number = '', id_hash = NULL, anonymised_at = ? WHERE id = ?"),
    anonymiseBefore: db.prepare<[number, number]>(
      "UPDATE appointments SET full_name = '', phone = '', id_number = '', id_hash = NULL, anonymised_at = ? WHERE anonymised_at IS NULL AND slot_end < ? AND status <> 'booked'",
    ),
  };
  return {
    rule: (serviceId: number): AppointmentRule | undefined => {
      const r = s.rule.get(serviceId);
      return r ? (JSON.parse(r.rule) as AppointmentRule) : undefined;
    },
    putRule: (serviceId: number, rule: AppointmentRule): void => {
      s.putRule.run(serviceId, JSON.stringify(rule));
    },
    insert: (a: NewAppointment): number => Number(s.insert.run(a).lastInsertRowid),
    byCode: (code: string) => s.byCode.get(code),
    byId: (id: number) => s.byId.get(id),
    /** Bookings of one local day by the salted hash of the ID number. */
    ofIdHash: (idHash: string, day: string) => s.ofIdHash.all(idHash, day),
    /** Bookings with an ID number but no hash yet (made before the hash was kept). */
    unhashed: () => s.unhashed.all(),
    setHash: (id: number, idHash: string): void => void s.setHash.run(idHash, id),
    /** Bookings of `day` still booked, not yet reminded, made before `madeBefore`. */
    toRemind: (day: string, madeBefore: number): number[] => s.toRemind.all(day, madeBefore).map((r) => r.id),
    setReminded: (id: number, at: number): void => void s.reminded.run(at, id),
    codeTaken: (code: string) => (s.codeTaken.get(code)?.n ?? 0) > 0,
    /** Bookings holding places of one slot (every status but cancelled). */
    taken: (serviceId: number, slotStart: number) => s.taken.get(serviceId, slotStart)?.n ?? 0,
    /** Places held per slot start of one service's day. */
    takenOfDay: (serviceId: number, day: string) => new Map(s.takenOfDay.all(serviceId, day).map((r) => [r.slot_start, r.n])),
    /** Bookings of one person (by phone, or by the salted hash of the ID number) for a service on a day. */
    ofPerson: (serviceId: number, day: string, phone: string, idHash: string) => s.ofPerson.get({ service: serviceId, day, phone, id: idHash })?.n ?? 0,
    misses: (since: number, phone: string, idHash: string) => s.misses.get({ since, phone, id: idHash })?.n ?? 0,
    ofDay: (day: string) => s.ofDay.all(day),
    byTicket: (ticketId: number) => s.byTicket.get(ticketId),
    checkIn: (id: number, at: number, ticketId: number, late: boolean): void => {
      s.checkIn.run({ id, at, ticket: ticketId, late: late ? 1 : 0 });
    },
    cancel: (id: number, at: number, by: number | null, reason: string | null): void => {
      s.cancel.run({ id, at, by, reason });
    },
    /** Bookings still booked after their check-in window become missed; returns their ids. */
    markMissed: (now: number): number[] => s.markMissed.all(now, now).map((r) => r.id).sort((a, b) => a - b),
    blocksFrom: (date: string) => s.blocks.all(date),
    blocksOf: (date: string) => s.blocksOf.all(date),
    insertBlock: (b: { service_id: number | null; date: string; start: string | null; reason: string; by: number; at: number }): number =>
      Number(s.insertBlock.run(b).lastInsertRowid),
    deleteBlock: (id: number): boolean => s.deleteBlock.run(id).changes > 0,
    /** Every booking of one person, by the salted hash of their ID number. */
    byIdHash: (idHash: string) => s.byIdHash.all(idHash),
    /** Bookings of slots on days from…to, per service, by outcome. */
    outcomes: (from: string, to: string) => s.outcomes.all(from, to),
    /** Called tickets of business days from…to per service, holders (appt 1) and others: count and total wait (ms). */
    waits: (from: string, to: string) => s.waits.all(from, to),
    erase: (id: number, at: number): void => {
      s.erase.run(at, id);
    },
    /** Blanks the personal fields of settled bookings whose slot ended before `before`. */
    anonymiseBefore: (before: number, at: number): number => s.anonymiseBefore.run(at, before).changes,
  };
}
export type AppointmentsRepository = ReturnType<typeof appointmentsRepository>;
