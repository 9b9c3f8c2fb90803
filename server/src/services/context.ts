import type { Config } from '../config';
import type { Db } from '../db';
import { appointmentsRepository } from '../repositories/appointments-repository';
import { auditRepository } from '../repositories/audit-repository';
import { calendarRepository } from '../repositories/calendar-repository';
import { catalogRepository } from '../repositories/catalog-repository';
import { catalogSearchRepository } from '../repositories/catalog-search-repository';
import { dossiersRepository } from '../repositories/dossiers-repository';
import { idCardRepository } from '../repositories/id-card-repository';
import { loginFailuresRepository } from '../repositories/login-failures-repository';
import { devicesRepository } from '../repositories/devices-repository';
import { privacyRepository } from '../repositories/privacy-repository';
import { provinceRepository } from '../repositories/province-repository';
import { ratingsRepository } from '../repositories/ratings-repository';
import { secretsRepository } from '../repositories/secrets-repository';
import { settingsRepository } from '../repositories/settings-repository';
import { statsRepository } from '../repositories/stats-repository';
import { ticketsRepository } from '../repositories/tickets-repository';
import { usersRepository } from '../repositories/users-repository';
import type { Realtime } from '../realtime/emitter';

/** Repositories over one database. */
export function createRepositories(db: Db) {
  return {
    appointments: appointmentsRepository(db),
    audit: auditRepository(db),
    calendar: calendarRepository(db),
    catalog: catalogRepository(db),
    catalogSearch: catalogSearchRepository(db),
    devices: devicesRepository(db),
    privacy: privacyRepository(db),
    province: provinceRepository(db),
    ratings: ratingsRepository(db),
    dossiers: dossiersRepository(db),
    idCards: idCardRepository(db),
    loginFailures: loginFailuresRepository(db),
    secrets: secretsRepository(db),
    settings: settingsRepository(db),
    stats: statsRepository(db),
    tickets: ticketsRepository(db),
    users: usersRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

/** What every service needs: storage, the push channel, the clock (injectable for tests and simulations). */
export interface ServiceContext {
  db: Db;
  repos: Repositories;
  realtime: Realtime;
  /** Current time in epoch milliseconds. */
  now: () => number;
  config: Config;
}
