import type { Config } from '../config';
import type { Db } from '../db';
import type { Realtime } from '../realtime/emitter';
import { adminService } from './admin-service';
import { authService } from './auth-service';
import { catalogService } from './catalog-service';
import { createRepositories, type ServiceContext } from './context';
import { counterService } from './counter-service';
import { deviceService } from './device-service';
import { logoService } from './logo-service';
import { queueService } from './queue-service';
import { ticketService } from './ticket-service';

/** All use-cases of the hub over one database. */
export function createHub(deps: { db: Db; realtime: Realtime; config: Config; now?: () => number }) {
  const ctx: ServiceContext = { db: deps.db, repos: createRepositories(deps.db), realtime: deps.realtime, config: deps.config, now: deps.now ?? Date.now };
  const queue = queueService(ctx);
  const tickets = ticketService(ctx, queue);
  const counters = counterService(ctx, queue);
  const auth = authService(ctx, counters);
  const devices = deviceService(ctx);
  const admin = adminService(ctx, queue);
  const catalog = catalogService(ctx);
  const logo = logoService(ctx, queue);
  return { ctx, repos: ctx.repos, queue, tickets, counters, auth, devices, admin, catalog, logo };
}

export type Hub = ReturnType<typeof createHub>;
