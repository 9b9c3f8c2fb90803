import type { SubmissionChannel } from '@shared/schemas/dossier';
import type { WebhookEventData, WebhookEventType } from '@shared/schemas/webhook-events';
import type { Db } from '../db';
import type { OutboxRepository } from '../repositories/outbox-repository';

/** Ticket log types that are catalog events (started, parked, reactivated are internal steps). */
const TICKET_EVENTS: Record<string, WebhookEventType> = {
  issued: 'ticket.issued',
  called: 'ticket.called',
  recalled: 'ticket.recalled',
  finished: 'ticket.finished',
  no_show: 'ticket.no_show',
  transferred: 'ticket.transferred',
  cancelled: 'ticket.cancelled',
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

interface TicketJoin {
  id: number;
  number: string;
  service_id: number;
  service_code: string;
  status: string;
  priority: number;
  counter_id: number | null;
  counter_number: number | null;
  business_day: string;
}

/**
 * Turns the hub's own change logs (ticket_events, dossier_events, ratings, counter sessions) into catalog events in
 * the outbox. Called by the repositories' log writers, so inside the very transaction of the change.
 */
export function eventPublisher(db: Db, outbox: OutboxRepository) {
  const q = {
    ticket: db.prepare<[number], TicketJoin>(
      `SELECT t.id, t.number, t.service_id, s.code AS service_code, t.status, t.priority_group IS NOT NULL AS priority,
              t.counter_id, c.number AS counter_number, t.business_day
         FROM tickets t JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id WHERE t.id = ?`,
    ),
    counter: db.prepare<[number], { id: number; number: number; name: string; staff_id: number | null; full_name: string | null }>(
      'SELECT c.id, c.number, c.name, c.staff_id, u.full_name FROM counters c LEFT JOIN users u ON u.id = c.staff_id WHERE c.id = ?',
    ),
    dossier: db.prepare<[number], { id: number; code: string; procedure_code: string; procedure_name: string; applicant: string; received_at: number | null; due_at: number | null; channel: SubmissionChannel }>(
      'SELECT id, code, procedure_code, procedure_name, applicant, received_at, due_at, channel FROM dossiers WHERE id = ?',
    ),
    dayTotals: db.prepare<[string], { issued: number; served: number; no_show: number; cancelled: number }>(
      `SELECT count(*) AS issued, count(*) FILTER (WHERE status = 'done') AS served,
              count(*) FILTER (WHERE status = 'no_show') AS no_show, count(*) FILTER (WHERE status = 'cancelled') AS cancelled
         FROM tickets WHERE business_day = ?`,
    ),
    dossierDay: db.prepare<[number, number], { received: number; returned: number }>(
      `SELECT count(*) FILTER (WHERE type LIKE 'intake.%' AND to_status = 'received') AS received,
              count(*) FILTER (WHERE to_status = 'returned' AND type = 'return') AS returned
         FROM dossier_events WHERE at >= ? AND at < ?`,
    ),
    ratingsDay: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM ratings WHERE business_day = ?'),
    appointment: db.prepare<[number], { id: number; service_id: number; slot_start: number; status: string; ticket_id: number | null; full_name: string; phone: string }>(
      'SELECT id, service_id, slot_start, status, ticket_id, full_name, phone FROM appointments WHERE id = ?',
    ),
  };

  function publish<T extends WebhookEventType>(type: T, at: number, data: WebhookEventData<T>): void {
    outbox.append(type, at, data);
  }

  return {
    publish,
    /** A ticket_events row was written. */
    ticket(e: { ticketId: number; type: string; at: number; data?: unknown }): void {
      const type = TICKET_EVENTS[e.type];
      if (!type) return;
      const t = q.ticket.get(e.ticketId);
      if (!t) return;
      const extra = (e.data ?? {}) as { reason?: string; fromServiceId?: number };
      publish(type, e.at, {
        ticketId: t.id,
        number: t.number,
        serviceId: t.service_id,
        serviceCode: t.service_code,
        status: t.status,
        priority: t.priority === 1,
        counterId: t.counter_id,
        counterNumber: t.counter_number,
        businessDay: t.business_day,
        ...(typeof extra.reason === 'string' ? { reason: extra.reason } : {}),
        ...(typeof extra.fromServiceId === 'number' ? { fromServiceId: extra.fromServiceId } : {}),
      });
    },
    /** A counter was opened or closed (call after the counter row changed, for opened; before, for closed). */
    counter(type: 'counter.opened' | 'counter.closed', counterId: number, at: number): void {
      const c = q.counter.get(counterId);
      if (!c) return;
      publish(type, at, { counterId: c.id, counterNumber: c.number, counterName: c.name, staffId: c.staff_id, ...(c.full_name ? { staffName: c.full_name } : {}) });
    },
    /** A dossier_events row was written. */
    dossier(e: { dossierId: number; at: number; type: string; from: string | null; to: string }): void {
      const d = q.dossier.get(e.dossierId);
      if (!d) return;
      let type: WebhookEventType;
      if (e.type.startsWith('intake.')) {
        if (e.to !== 'received') return;
        type = 'dossier.received';
      } else if (e.to === 'returned') type = 'dossier.returned';
      else if (e.from !== e.to) type = 'dossier.status_changed';
      else return;
      const applicant = JSON.parse(d.applicant) as { name?: string; phone?: string };
      publish(type, e.at, {
        dossierId: d.id,
        code: d.code,
        procedureCode: d.procedure_code,
        procedureName: d.procedure_name,
        fromStatus: e.from,
        status: e.to,
        receivedAt: iso(d.received_at),
        dueAt: iso(d.due_at),
        channel: d.channel,
        ...(applicant.name ? { applicantName: applicant.name } : {}),
        ...(applicant.phone ? { applicantPhone: applicant.phone } : {}),
      });
    },
    /** A booking was made, cancelled, checked in or missed (call after its row changed, in the same transaction). */
    appointment(type: 'appointment.booked' | 'appointment.cancelled' | 'appointment.checked_in' | 'appointment.missed', id: number, at: number): void {
      const a = q.appointment.get(id);
      if (!a) return;
      publish(type, at, {
        appointmentId: a.id,
        serviceId: a.service_id,
        startsAt: new Date(a.slot_start).toISOString(),
        status: a.status,
        ...(a.ticket_id === null ? {} : { ticketId: a.ticket_id }),
        ...(a.full_name ? { citizenName: a.full_name } : {}),
        ...(a.phone ? { citizenPhone: a.phone } : {}),
      });
    },
    /** A rating was stored. */
    rating(id: number, r: { ticket_id: number; level: string; score: number; scale: number; service_id: number; counter_id: number | null; staff_id: number | null; business_day: string; reason: string | null; rated_at: number }): void {
      publish('rating.submitted', r.rated_at, {
        ratingId: id,
        ticketId: r.ticket_id,
        level: r.level,
        score: r.score,
        scale: r.scale,
        serviceId: r.service_id,
        counterId: r.counter_id,
        staffId: r.staff_id,
        businessDay: r.business_day,
        ...(r.reason ? { reason: r.reason } : {}),
      });
    },
    /** The queue day `businessDay` ended (rollover); `[from, to)` bounds its dossier work by time. */
    dayClosed(businessDay: string, at: number, since: number): void {
      const t = q.dayTotals.get(businessDay) ?? { issued: 0, served: 0, no_show: 0, cancelled: 0 };
      const d = q.dossierDay.get(since, at) ?? { received: 0, returned: 0 };
      publish('day.closed', at, {
        businessDay,
        issued: t.issued,
        served: t.served,
        noShow: t.no_show,
        cancelled: t.cancelled,
        dossiersReceived: d.received,
        dossiersReturned: d.returned,
        ratings: q.ratingsDay.get(businessDay)?.n ?? 0,
      });
    },
  };
}
export type EventPublisher = ReturnType<typeof eventPublisher>;
