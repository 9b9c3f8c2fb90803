import { RATING_LEVELS, type RatingLevel } from '@shared/rating';
import type { Db } from '../db';

/** A ratings row. */
export interface RatingRow {
  id: number;
  ticket_id: number;
  level: RatingLevel;
  score: number;
  scale: number;
  reason: string | null;
  criteria: string | null;
  staff_id: number | null;
  counter_id: number | null;
  service_id: number;
  business_day: string;
  source: 'device' | 'phone';
  device_id: number | null;
  rated_at: number;
}

/** What reports group ratings by. */
export type RatingGroupBy = 'staff' | 'counter' | 'service' | 'day';

/** Filter of a rating report: business days `from`..`to` inclusive, optionally one staff member, counter or service. */
export interface RatingFilter {
  from: string;
  to: string;
  staffId?: number;
  counterId?: number;
  serviceId?: number;
}

/** One group of a rating report: the total, and the count of each level. */
export interface RatingGroup {
  key: number | string | null;
  total: number;
  averageScore: number;
  levels: Record<RatingLevel, number>;
}

const GROUP_COLUMN: Record<RatingGroupBy, string> = { staff: 'staff_id', counter: 'counter_id', service: 'service_id', day: 'business_day' };

/** SQL for citizen ratings. */
/** `stored` runs after each rating is inserted, in the same transaction (the outbox's hook). */
export function ratingsRepository(db: Db, stored: (id: number, row: Omit<RatingRow, 'id'>) => void = () => {}) {
  const s = {
    insert: db.prepare(
      `INSERT INTO ratings (ticket_id, level, score, scale, reason, criteria, staff_id, counter_id, service_id, business_day, source, device_id, rated_at)
       VALUES (@ticket_id, @level, @score, @scale, @reason, @criteria, @staff_id, @counter_id, @service_id, @business_day, @source, @device_id, @rated_at)`,
    ),
    byTicket: db.prepare<[number], RatingRow>('SELECT * FROM ratings WHERE ticket_id = ?'),
  };
  const summaries = new Map<RatingGroupBy, ReturnType<Db['prepare']>>();

  return {
    /** Inserts a rating; the UNIQUE ticket_id makes a second rating of a ticket fail even under a race. */
    insert(row: Omit<RatingRow, 'id'>): number {
      const id = Number(s.insert.run(row).lastInsertRowid);
      stored(id, row);
      return id;
    },
    byTicket: (ticketId: number): RatingRow | undefined => s.byTicket.get(ticketId),
    /**
     * Counts per level grouped by staff member, counter, service or business day over a period — the
     * "Báo cáo kết quả đánh giá sự hài lòng" per unit and per receiving officer (domain.md §7).
     */
    summary(groupBy: RatingGroupBy, f: RatingFilter): RatingGroup[] {
      const col = GROUP_COLUMN[groupBy];
      let stmt = summaries.get(groupBy);
      if (!stmt) {
        const perLevel = RATING_LEVELS.map((l) => `SUM(level = '${l}') AS ${l}`).join(', ');
        stmt = db.prepare(
          `SELECT ${col} AS key, COUNT(*) AS total, AVG(score) AS avg, ${perLevel} FROM ratings
            WHERE business_day BETWEEN @from AND @to
              AND (@staffId IS NULL OR staff_id = @staffId)
              AND (@counterId IS NULL OR counter_id = @counterId)
              AND (@serviceId IS NULL OR service_id = @serviceId)
            GROUP BY ${col} ORDER BY ${col}`,
        );
        summaries.set(groupBy, stmt);
      }
      const rows = stmt.all({ from: f.from, to: f.to, staffId: f.staffId ?? null, counterId: f.counterId ?? null, serviceId: f.serviceId ?? null }) as ({
        key: number | string | null;
        total: number;
        avg: number;
      } & Record<RatingLevel, number>)[];
      return rows.map((r) => ({
        key: r.key,
        total: r.total,
        averageScore: Math.round(r.avg * 100) / 100,
        levels: Object.fromEntries(RATING_LEVELS.map((l) => [l, r[l]])) as Record<RatingLevel, number>,
      }));
    },
  };
}

export type RatingsRepository = ReturnType<typeof ratingsRepository>;
