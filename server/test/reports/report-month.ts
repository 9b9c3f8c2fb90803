import type { App } from '../../src/app';
import { staffAtCounter } from '../helper';

/** What the generator did, ticket by ticket: the figures a report must find again. */
export interface GeneratedTicket {
  day: string;
  serviceId: number;
  outcome: 'done' | 'no_show' | 'cancelled';
  transferred: boolean;
  priority: boolean;
  /** Local hour of issue. */
  hour: number;
  counterId: number | null;
  waitMs: number | null;
  serviceMs: number | null;
}

const MIN = 60_000;
const HT = 1;
const CT = 2;
const KT = 3;

/** Working days (Mon–Fri) from `from` to `to` inclusive. */
export function workingDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const wd = new Date(t).getUTCDay();
    if (wd >= 1 && wd <= 5) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * Drives the real services with the fake clock through `days`, `perDay` tickets a day, one at a time:
 * services A/B at counter 1 (canbo1), C at counter 3 (canbo2). By i % 10: 0–6 served, 7 no-show, 8 cancelled while
 * waiting, 9 transferred while in service to another service and served there. Every 4th ticket is a priority one.
 * Ticket i is issued at 08:00 + 30·i minutes local time (UTC+7).
 */
export async function generateDays(
  app: App,
  clock: { set: (iso: string) => void; advance: (ms: number) => void },
  days: string[],
  perDay = 20,
): Promise<GeneratedTicket[]> {
  const hub = app.hub;
  clock.set(`${days[0]}T00:30:00.000Z`);
  await staffAtCounter(app, 'canbo1', 1);
  await staffAtCounter(app, 'canbo2', 3);
  const staff = (username: string) => ({ userId: hub.repos.users.byUsername(username)!.id });
  const canbo1 = staff('canbo1');
  const canbo2 = staff('canbo2');
  const supervisor = { ...staff('giamsat'), counterId: null };
  const at = (serviceId: number) => (serviceId === KT ? { counterId: 3, actor: canbo2 } : { counterId: 1, actor: canbo1 });
  const out: GeneratedTicket[] = [];
  for (const day of days) {
    for (let i = 0; i < perDay; i++) {
      const serviceId = [HT, CT, KT][i % 3] as number;
      const priority = i % 4 === 0;
      const issuedAt = Date.parse(`${day}T01:00:00.000Z`) + i * 30 * MIN;
      clock.set(new Date(issuedAt).toISOString());
      const ticket = hub.tickets.issue(priority ? { serviceId, priorityGroup: 'elderly' } : { serviceId });
      const hour = 8 + Math.floor((i * 30) / 60);
      const kind = i % 10;
      const rec: GeneratedTicket = { day, serviceId, outcome: 'done', transferred: false, priority, hour, counterId: null, waitMs: null, serviceMs: null };
      out.push(rec);
      if (kind === 8) {
        clock.advance(3 * MIN);
        hub.tickets.cancel(ticket.id, supervisor);
        rec.outcome = 'cancelled';
        continue;
      }
      const wait = ((i % 5) + 1) * 2 * MIN;
      clock.advance(wait);
      const first = at(serviceId);
      hub.counters.callNext(first.counterId, first.actor);
      rec.waitMs = wait;
      rec.counterId = first.counterId;
      clock.advance(MIN);
      if (kind === 7) {
        hub.counters.noShow(first.counterId, first.actor);
        rec.outcome = 'no_show';
        continue;
      }
      hub.counters.start(first.counterId, first.actor);
      const serve = (5 + (i % 3)) * MIN;
      if (kind === 9) {
        clock.advance(4 * MIN);
        const to = serviceId === KT ? HT : KT;
        hub.tickets.transfer(ticket.id, { serviceId: to }, { ...first.actor, counterId: first.counterId });
        const second = at(to);
        clock.advance(2 * MIN);
        hub.counters.callNext(second.counterId, second.actor);
        clock.advance(MIN);
        hub.counters.start(second.counterId, second.actor);
        clock.advance(serve);
        hub.counters.finish(second.counterId, second.actor);
        rec.transferred = true;
        rec.counterId = second.counterId;
        rec.serviceMs = 4 * MIN + serve;
        continue;
      }
      clock.advance(serve);
      hub.counters.finish(first.counterId, first.actor);
      rec.serviceMs = serve;
    }
  }
  return out;
}
