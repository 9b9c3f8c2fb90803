import type { CounterService } from '@shared/schemas/counter';
import type { Db } from '../db';

/** A services row. */
export interface ServiceRow {
  id: number;
  code: string;
  name_vi: string;
  name_en: string;
  prefix: string;
  group_vi: string;
  group_en: string;
  icon: string;
  start_number: number;
  end_number: number;
  daily_max: number;
  active: number;
  display_order: number;
}

/** A counters row. */
export interface CounterRow {
  id: number;
  number: number;
  name: string;
  area: string;
  active: number;
  staff_id: number | null;
  session_id: string | null;
  normals_since_priority: number;
}

/** SQL for services and counters (the office's queue set-up). */
export function catalogRepository(db: Db) {
  const s = {
    services: db.prepare<[], ServiceRow>('SELECT * FROM services ORDER BY display_order, id'),
    serviceById: db.prepare<[number], ServiceRow>('SELECT * FROM services WHERE id = ?'),
    counters: db.prepare<[], CounterRow>('SELECT * FROM counters WHERE active = 1 ORDER BY number'),
    counterById: db.prepare<[number], CounterRow>('SELECT * FROM counters WHERE id = ? AND active = 1'),
    counterOfStaff: db.prepare<[number], CounterRow>('SELECT * FROM counters WHERE staff_id = ?'),
    links: db.prepare<[], { counter_id: number; service_id: number; weight: number }>(
      'SELECT counter_id, service_id, weight FROM counter_services ORDER BY counter_id, weight DESC, service_id',
    ),
    setStaff: db.prepare<[number | null, string | null, number]>('UPDATE counters SET staff_id = ?, session_id = ? WHERE id = ?'),
    setNormals: db.prepare<[number, number]>('UPDATE counters SET normals_since_priority = ? WHERE id = ?'),
    releaseSession: db.prepare<[string]>('UPDATE counters SET staff_id = NULL, session_id = NULL WHERE session_id = ?'),
    insertService: db.prepare(
      `INSERT INTO services (code, name_vi, name_en, prefix, group_vi, group_en, icon, start_number, end_number, daily_max, active, display_order)
       VALUES (@code, @name_vi, @name_en, @prefix, @group_vi, @group_en, @icon, @start_number, @end_number, @daily_max, @active, @display_order)`,
    ),
    insertCounter: db.prepare('INSERT INTO counters (number, name, area, active) VALUES (@number, @name, @area, COALESCE(@active, 1))'),
    link: db.prepare<[number, number, number]>('INSERT INTO counter_services (counter_id, service_id, weight) VALUES (?, ?, ?)'),
    unlinkAll: db.prepare<[number]>('DELETE FROM counter_services WHERE counter_id = ?'),
    allCounters: db.prepare<[], CounterRow>('SELECT * FROM counters ORDER BY number'),
    updateService: db.prepare(
      `UPDATE services SET code = @code, name_vi = @name_vi, name_en = @name_en, prefix = @prefix, group_vi = @group_vi,
         group_en = @group_en, icon = @icon, start_number = @start_number, end_number = @end_number, daily_max = @daily_max,
         active = @active, display_order = @display_order WHERE id = @id`,
    ),
    updateCounter: db.prepare('UPDATE counters SET number = @number, name = @name, area = @area, active = @active WHERE id = @id'),
  };
  return {
    services: (): ServiceRow[] => s.services.all(),
    serviceById: (id: number): ServiceRow | undefined => s.serviceById.get(id),
    counters: (): CounterRow[] => s.counters.all(),
    counterById: (id: number): CounterRow | undefined => s.counterById.get(id),
    counterOfStaff: (staffId: number): CounterRow | undefined => s.counterOfStaff.get(staffId),
    /** Services of every counter, highest weight first. */
    counterServices(): Map<number, CounterService[]> {
      const map = new Map<number, CounterService[]>();
      for (const l of s.links.all()) {
        const list = map.get(l.counter_id) ?? [];
        list.push({ serviceId: l.service_id, weight: l.weight });
        map.set(l.counter_id, list);
      }
      return map;
    },
    setCounterStaff: (counterId: number, staffId: number | null, sessionId: string | null): void => {
      s.setStaff.run(staffId, sessionId, counterId);
    },
    setNormalsSincePriority: (counterId: number, n: number): void => {
      s.setNormals.run(n, counterId);
    },
    /** Frees the counter held by a session (sign-out). Returns the number of counters freed. */
    releaseSession: (sessionId: string): number => s.releaseSession.run(sessionId).changes,
    insertService: (row: Omit<ServiceRow, 'id'>): number => Number(s.insertService.run(row).lastInsertRowid),
    updateService: (row: ServiceRow): boolean => s.updateService.run(row).changes === 1,
    /** Every counter, inactive ones included (admin). */
    allCounters: (): CounterRow[] => s.allCounters.all(),
    updateCounter: (row: Pick<CounterRow, 'id' | 'number' | 'name' | 'area' | 'active'>): boolean => s.updateCounter.run(row).changes === 1,
    /** Replaces the services a counter serves. */
    setCounterServices(counterId: number, links: readonly CounterService[]): void {
      s.unlinkAll.run(counterId);
      for (const l of links) s.link.run(counterId, l.serviceId, l.weight);
    },
    insertCounter: (row: { number: number; name: string; area: string; active?: number }): number =>
      Number(s.insertCounter.run({ active: null, ...row }).lastInsertRowid),
    linkService: (counterId: number, serviceId: number, weight: number): void => {
      s.link.run(counterId, serviceId, weight);
    },
  };
}

export type CatalogRepository = ReturnType<typeof catalogRepository>;
