import type { Config } from '../config';
import type { Db } from '../db';
import { appointmentsRepository } from '../repositories/appointments-repository';
import { auditRepository } from '../repositories/audit-repository';
import { calendarRepository } from '../repositories/calendar-repository';
import { catalogRepository } from '../repositories/catalog-repository';
import { catalogEditionsRepository } from '../repositories/catalog-editions-repository';
import { catalogSearchRepository } from '../repositories/catalog-search-repository';
import { dossiersRepository } from '../repositories/dossiers-repository';
import { idCardRepository } from '../repositories/id-card-repository';
import { loginFailuresRepository } from '../repositories/login-failures-repository';
import { devicesRepository } from '../repositories/devices-repository';
import { privacyRepository } from '../repositories/privacy-repository';
import { provinceLinkRepository } from '../repositories/province-link-repository';
import { provinceFactsRepository } from '../repositories/province-facts-repository';
import { provinceRepository } from '../repositories/province-repository';
import { ratingsRepository } from '../repositories/ratings-repository';
import { secretsRepository } from '../repositories/secrets-repository';
import { settingsRepository } from '../repositories/settings-repository';
import { statsRepository } from '../repositories/stats-repository';
import { ticketsRepository } from '../repositories/tickets-repository';
import { usersRepository } from '../repositories/users-repository';
import type { Realtime } from '../realtime/emitter';
import { eventPublisher } from '../outbox/publisher';
import { apiKeysRepository } from '../repositories/api-keys-repository';
import { outboxRepository } from '../repositories/outbox-repository';
import { webhooksRepository } from '../repositories/webhooks-repository';
import { notificationsRepository } from '../repositories/notifications-repository';

/** Repositories over one database. The change logs feed the outbox inside the change's own transaction. */
export function createRepositories(db: Db) {
  const outbox = outboxRepository(db);
  const events = eventPublisher(db, outbox);
  return {
    outbox,
    events,
    apiKeys: apiKeysRepository(db),
    webhooks: webhooksRepository(db),
    notifications: notificationsRepository(db),
    appointments: appointmentsRepository(db),
    audit: auditRepository(db),
    calendar: calendarRepository(db),
    catalog: catalogRepository(db),
    catalogSearch: catalogSearchRepository(db),
    catalogEditions: catalogEditionsRepository(db),
    devices: devicesRepository(db),
    privacy: privacyRepository(db),
    province: provinceRepository(db),
    provinceFacts: provinceFactsRepository(db),
    provinceLink: provinceLinkRepository(db),
    idCards: idCardRepository(db),
    ratings: ratingsRepository(db, events.rating),
    dossiers: dossiersRepository(db, events.dossier),
    loginFailures: loginFailuresRepository(db),
    secrets: secretsRepository(db),
    settings: settingsRepository(db),
    stats: statsRepository(db),
    tickets: ticketsRepository(db, events.ticket),
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
