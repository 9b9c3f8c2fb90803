import { MIN_REASON_LENGTH, needsReason, RATING_SCORE, SCALE_LEVELS } from '@shared/rating';
import { rooms } from '@shared/rooms';
import type { RatingBody, RatingReply, RatingRequest } from '@shared/schemas/rating';
import { fail } from '../errors';
import type { DeviceRow } from '../repositories/devices-repository';
import type { TicketRow } from '../repositories/tickets-repository';
import type { ServiceContext } from './context';
import type { TrackService } from './track-service';

/** A finished ticket is offered again to a tablet that (re)connects within this time. */
export const PENDING_RATING_MS = 5 * 60_000;

/**
 * Citizen satisfaction ratings. Who is rated is decided here from the ticket (the staff member and counter that
 * served it), never by the client. One rating per ticket: checked, and enforced by a UNIQUE index.
 */
export function ratingService(ctx: ServiceContext, track: TrackService) {
  const { repos, db } = ctx;

  function requestOf(t: TicketRow): RatingRequest | undefined {
    if (t.status !== 'done' || t.counter_id === null || t.finished_at === null) return undefined;
    const counter = repos.catalog.counterById(t.counter_id);
    const svc = repos.catalog.serviceById(t.service_id);
    if (!counter || !svc) return undefined;
    return {
      trackingId: t.tracking_id,
      number: t.number,
      serviceNameVi: svc.name_vi,
      serviceNameEn: svc.name_en,
      counterNumber: counter.number,
      counterName: counter.name,
      // The tablet is a public screen at the counter: the officer's name only when the office shows names.
      staffName: repos.settings.office().showStaffNames && t.staff_id !== null ? (repos.users.byId(t.staff_id)?.full_name ?? null) : null,
      finishedAt: new Date(t.finished_at).toISOString(),
      scale: repos.settings.office().ratingScale,
    };
  }

  /** After a counter finished a ticket (after commit): its rating tablet asks the citizen. */
  function offer(ticketId: number): void {
    const t = repos.tickets.byId(ticketId);
    const request = t && requestOf(t);
    if (request && t.counter_id !== null) ctx.realtime.emit(rooms.rating(t.counter_id), 'rating:requested', { request });
  }

  /** The ticket a tablet that just (re)connected should show: the counter's latest finished ticket, if recent and unrated. */
  function pending(counterId: number): RatingRequest | undefined {
    const t = repos.tickets.lastFinishedAt(counterId);
    if (!t || t.finished_at === null || ctx.now() - t.finished_at > PENDING_RATING_MS || repos.ratings.byTicket(t.id)) return undefined;
    return requestOf(t);
  }

  /**
   * Records a citizen's rating. `device` is the paired tablet sending it, if any: a tablet bound to a counter may
   * rate only tickets finished at that counter.
   */
  function rate(body: RatingBody, device: DeviceRow | null): RatingReply {
    const s = repos.settings.office();
    const offered = SCALE_LEVELS[s.ratingScale];
    if (!offered.includes(body.level) || Object.values(body.criteria ?? {}).some((l) => !offered.includes(l))) fail('RATING_LEVEL_NOT_OFFERED');
    const reason = body.reason?.trim() ?? '';
    if (needsReason(body.level) && reason.length < MIN_REASON_LENGTH) fail('RATING_REASON_REQUIRED');
    const at = ctx.now();
    const t = db
      .transaction(() => {
        const t = repos.tickets.byTrackingId(body.trackingId) ?? fail('TICKET_NOT_FOUND');
        if (t.status !== 'done') fail('TICKET_NOT_DONE');
        if (repos.ratings.byTicket(t.id)) fail('ALREADY_RATED');
        if (device?.counter_id != null && device.counter_id !== t.counter_id) fail('FORBIDDEN');
        repos.ratings.insert({
          ticket_id: t.id,
          level: body.level,
          score: RATING_SCORE[body.level],
          scale: s.ratingScale,
          reason: reason === '' ? null : reason,
          criteria: body.criteria && Object.keys(body.criteria).length > 0 ? JSON.stringify(body.criteria) : null,
          staff_id: t.staff_id,
          counter_id: t.counter_id,
          service_id: t.service_id,
          business_day: t.business_day,
          source: device ? 'device' : 'phone',
          device_id: device?.id ?? null,
          rated_at: at,
        });
        return t;
      })
      .immediate();
    if (t.counter_id !== null) ctx.realtime.emit(rooms.rating(t.counter_id), 'rating:closed', { trackingId: t.tracking_id });
    track.rated(t.id);
    return { level: body.level, ratedAt: new Date(at).toISOString() };
  }

  return { rate, offer, pending };
}

export type RatingService = ReturnType<typeof ratingService>;
