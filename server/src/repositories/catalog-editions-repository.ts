import type { Db } from '../db';

/** One edition of the province's catalog as stored (province: published; office: received). */
export interface CatalogEditionRow {
  version: number;
  decision: string;
  effective_date: string;
  note: string;
  snapshot: string;
  procedures: number;
  fields: number;
  published_at: number;
}
/** An edition as the office received it. */
export interface ReceivedEditionRow extends CatalogEditionRow {
  received_at: number;
  applied_at: number | null;
  /** Scheduled to apply on its effective date (migration 025), and by whom. */
  scheduled_at: number | null;
  scheduled_by: number | null;
}
type EditionInsert = Omit<CatalogEditionRow, 'version'> & { version: number };
const HEAD = 'version, decision, effective_date, note, procedures, fields, published_at';

/**
 * SQL of the published catalog (issue 21): the province's frozen editions (catalog_publications) and the editions an
 * office received from its province (catalog_editions). Listing queries leave the snapshot out.
 */
export function catalogEditionsRepository(db: Db) {
  const s = {
    published: db.prepare<[], Omit<CatalogEditionRow, 'snapshot'>>(`SELECT ${HEAD} FROM catalog_publications ORDER BY version DESC`),
    latestPublished: db.prepare<[], CatalogEditionRow>('SELECT * FROM catalog_publications ORDER BY version DESC LIMIT 1'),
    latestVersion: db.prepare<[], { v: number | null }>('SELECT max(version) AS v FROM catalog_publications'),
    publish: db.prepare<EditionInsert & { by: number | null }>(
      `INSERT INTO catalog_publications (${HEAD}, snapshot, published_by)
       VALUES (:version, :decision, :effective_date, :note, :procedures, :fields, :published_at, :snapshot, :by)`,
    ),
    receive: db.prepare<EditionInsert & { at: number }>(
      `INSERT INTO catalog_editions (${HEAD}, snapshot, received_at)
       VALUES (:version, :decision, :effective_date, :note, :procedures, :fields, :published_at, :snapshot, :at) ON CONFLICT (version) DO NOTHING`,
    ),
    received: db.prepare<[number], ReceivedEditionRow>('SELECT * FROM catalog_editions WHERE version = ?'),
    newestReceived: db.prepare<[], { v: number | null }>('SELECT max(version) AS v FROM catalog_editions'),
    applied: db.prepare<[], ReceivedEditionRow>('SELECT * FROM catalog_editions WHERE applied_at IS NOT NULL ORDER BY version DESC LIMIT 1'),
    markApplied: db.prepare<[number, number | null, number]>('UPDATE catalog_editions SET applied_at = ?, applied_by = ? WHERE version = ?'),
    schedule: db.prepare<[number | null, number | null, number]>('UPDATE catalog_editions SET scheduled_at = ?, scheduled_by = ? WHERE version = ?'),
    newestScheduled: db.prepare<[], Pick<ReceivedEditionRow, 'version' | 'decision' | 'effective_date' | 'scheduled_at'>>(
      'SELECT version, decision, effective_date, scheduled_at FROM catalog_editions WHERE scheduled_at IS NOT NULL AND applied_at IS NULL ORDER BY version DESC LIMIT 1',
    ),
    clearSchedules: db.prepare('UPDATE catalog_editions SET scheduled_at = NULL, scheduled_by = NULL WHERE scheduled_at IS NOT NULL AND applied_at IS NULL'),
    // Editions older than the one applied are of no more use than history: their content is dropped, the row kept.
    pruneOlder: db.prepare<[number]>("UPDATE catalog_editions SET snapshot = '{}' WHERE version < ? AND snapshot <> '{}'"),
  };
  return {
    /** Province: every edition published, newest first (without content). */
    published: () => s.published.all(),
    latestPublished: (): CatalogEditionRow | undefined => s.latestPublished.get(),
    nextVersion: (): number => (s.latestVersion.get()?.v ?? 0) + 1,
    publish: (e: EditionInsert, by: number | null): void => void s.publish.run({ ...e, by }),

    /** Office: keeps an edition the province sent (once per version). */
    receive: (e: EditionInsert, at: number): void => void s.receive.run({ ...e, at }),
    received: (version: number): ReceivedEditionRow | undefined => s.received.get(version),
    newestReceived: (): number => s.newestReceived.get()?.v ?? 0,
    /** The edition applied last, if any. */
    applied: (): ReceivedEditionRow | undefined => s.applied.get(),
    /** The newest edition scheduled and not applied (no snapshot read: the 30-second tick asks this first). */
    newestScheduled: () => s.newestScheduled.get(),
    /** Cancels every schedule (the link to the province was removed); how many there were. */
    clearSchedules: (): number => s.clearSchedules.run().changes,
    /** Marks an edition to apply on its effective date (`at` null: the schedule is cancelled). */
    schedule: (version: number, at: number | null, by: number | null): void => void s.schedule.run(at, at === null ? null : by, version),
    markApplied(version: number, at: number, by: number | null): void {
      s.markApplied.run(at, by, version);
      s.pruneOlder.run(version);
    },
  };
}
export type CatalogEditionsRepository = ReturnType<typeof catalogEditionsRepository>;
