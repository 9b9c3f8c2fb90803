import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { businessDay } from '@shared/office-time';
import { PublishedCatalogSchema, type CatalogUpdateStatus } from '@shared/schemas/province-catalog';
import type { CatalogFile, ProcedureInput } from '@shared/schemas/procedure';
import { fail } from '../errors';
import { provinceGet } from '../outbox/province-client';
import type { AuditActor, StaffActor } from '../repositories/audit-repository';
import type { ReceivedEditionRow } from '../repositories/catalog-editions-repository';
import { planEdition } from './catalog-edition-merge';
import { readCatalogFile, SEED_CATALOG_FILE } from './catalog-service';
import type { ServiceContext } from './context';
import { editionOf } from './province-catalog-service';

/** The entity tag of an edition (GET /api/province/catalog/latest answers 304 when the office holds it). */
export const editionTag = (version: number) => `"catalog-${version}"`;
const iso = (ms: number) => new Date(ms).toISOString();
/** The province's answer as checked here: TypeBox's Value.Check knows no string formats, so the date-time is a string. */
const ReceivedSchema = Type.Composite([Type.Omit(PublishedCatalogSchema, ['publishedAt']), Type.Object({ publishedAt: Type.String({ maxLength: 40 }) })]);

/**
 * The office side of the published catalog (issue 21): it asks its province for the latest edition (with the
 * version it holds, so an unchanged catalog costs one 304), keeps a newer one as pending, shows what applying it
 * would change, and applies it in one transaction keeping the office's own parts (catalog-edition-merge.ts) — on its
 * effective date: one the admin applies earlier is scheduled and applied by the hub's tick that day.
 * While the WAN is down a check simply finds nothing new.
 */
export function catalogUpdateService(ctx: ServiceContext, deps: { timeoutMs: number; pushOffice: () => void }) {
  const { repos, db } = ctx;
  const repo = repos.catalogEditions;
  let lastCheckedAt: number | null = null;
  let seed: CatalogFile | null = null;
  /** The base of the merge: the edition applied last, or before any the catalog every office starts from. */
  const baseOf = (applied: ReceivedEditionRow | undefined): CatalogFile => (applied ? (JSON.parse(applied.snapshot) as CatalogFile) : (seed ??= readCatalogFile(SEED_CATALOG_FILE)));

  function plan(edition: ReceivedEditionRow) {
    const office = repos.catalogSearch.all().map((r) => JSON.parse(r.data) as ProcedureInput);
    return planEdition({
      edition: JSON.parse(edition.snapshot) as CatalogFile,
      office,
      base: baseOf(repo.applied()),
      officeFieldCodes: new Set(repos.catalogSearch.fields().map((f) => f.code)),
      officeServiceCodes: new Set(repos.catalog.services().map((s) => s.code)),
    });
  }

  /** The newest edition received and not applied, when newer than the one applied. */
  function pendingRow(): ReceivedEditionRow | undefined {
    const newest = repo.newestReceived();
    const applied = repo.applied();
    if (newest === 0 || (applied && applied.version >= newest)) return undefined;
    return repo.received(newest);
  }

  function status(): CatalogUpdateStatus {
    const applied = repo.applied();
    const pending = pendingRow();
    // A schedule a newer edition replaced, said while that newer one waits for the admin's decision.
    const old = pending && pending.scheduled_at === null ? repo.newestScheduled() : undefined;
    return {
      applied: applied ? { ...editionOf(applied), appliedAt: iso(applied.applied_at as number) } : null,
      pending: pending ? { ...editionOf(pending), changes: plan(pending).changes, scheduledAt: pending.scheduled_at === null ? null : iso(pending.scheduled_at) } : null,
      replaced: old && pending && old.version < pending.version ? { version: old.version, decision: old.decision, effectiveDate: old.effective_date } : null,
      today: today(),
      lastCheckedAt: lastCheckedAt === null ? null : iso(lastCheckedAt),
    };
  }

  /** The office's calendar day now (effective dates are days of the office's time zone). */
  const today = () => businessDay(new Date(ctx.now()), repos.settings.office().timezone);

  /** An audit row about an edition: its decision and effective date, and `extra`. */
  function auditEdition(action: string, edition: Pick<ReceivedEditionRow, 'version' | 'decision' | 'effective_date'>, actor: AuditActor, extra: object = {}): void {
    repos.audit.write(ctx.now(), actor, { action: `catalog.${action}`, targetType: 'catalog_edition', targetId: edition.version, details: { decision: edition.decision, effectiveDate: edition.effective_date, ...extra } });
  }

  /** Writes the edition into the office's catalog (inside the caller's transaction), keeping the office's own parts. */
  function applyEdition(edition: ReceivedEditionRow, actor: AuditActor, scheduled: boolean): void {
    const { fields, save, changes } = plan(edition);
    const at = ctx.now();
    for (const f of fields) repos.catalogSearch.upsertField({ code: f.code, name_vi: f.nameVi, name_en: f.nameEn, icon: f.icon, display_order: f.displayOrder });
    const services = new Map(repos.catalog.services().map((s) => [s.code, s.id]));
    for (const p of save) {
      const field = repos.catalogSearch.fieldByCode(p.fieldCode) ?? fail('VALIDATION_FAILED', { field: 'fieldCode', message: `Bản danh mục thiếu lĩnh vực ${p.fieldCode}.` });
      repos.catalogSearch.save(p, field.id, services.get(p.serviceCode) ?? null, at);
    }
    repo.markApplied(edition.version, at, actor.userId);
    auditEdition('edition_apply', edition, actor, {
      scheduled,
      ...(scheduled ? { scheduledBy: edition.scheduled_by } : {}),
      added: changes.addedCount,
      changed: changes.changedCount,
      retired: changes.retiredCount,
      keptFees: changes.keptFees.map((p) => p.code),
      keptFields: changes.keptFields.map((p) => p.code),
    });
  }

  return {
    status,

    /** Asks the province for an edition newer than the one held; never throws (an unreachable province finds nothing). */
    async check(): Promise<void> {
      const link = repos.provinceLink.get();
      if (!link) return;
      const held = Math.max(repo.newestReceived(), repo.applied()?.version ?? 0);
      const r = await provinceGet(link.url, '/api/province/catalog/latest', {
        credential: link.credential,
        timeoutMs: deps.timeoutMs,
        ...(held > 0 ? { ifNoneMatch: editionTag(held) } : {}),
      });
      if (r.status === 304 || r.status === 404) lastCheckedAt = Date.now();
      if (r.status !== 200 || !Value.Check(ReceivedSchema, r.body)) return;
      lastCheckedAt = Date.now();
      const e = r.body;
      if (e.version <= held || repos.provinceLink.get()?.credential !== link.credential) return;
      const at = Date.parse(e.publishedAt);
      const before = pendingRow();
      repo.receive(
        {
          version: e.version,
          decision: e.decision,
          effective_date: e.effectiveDate,
          note: e.note,
          snapshot: JSON.stringify(e.catalog),
          procedures: e.catalog.procedures.length,
          fields: e.catalog.fields.length,
          published_at: Number.isNaN(at) ? ctx.now() : at,
        },
        ctx.now(),
      );
      // A newer edition replaces one the admin had scheduled: that one will not be applied; on record, and the screen
      // says so beside the new one.
      if (before?.scheduled_at != null) auditEdition('edition_schedule_replaced', before, { userId: null }, { by: e.version });
    },

    /**
     * Applies the pending edition `version` (the one the admin saw). Before its effective date it is scheduled
     * instead: the hub applies it at the start of that day (`applyScheduledIfDue`). The edition already applied again
     * changes nothing; an older one, or one a newer edition has since replaced, is refused (CATALOG_EDITION_STALE).
     */
    apply(version: number, actor: StaffActor): CatalogUpdateStatus {
      const changed = db.transaction(() => {
        const applied = repo.applied();
        if (applied?.version === version) return false;
        if ((applied && version < applied.version) || version < repo.newestReceived()) fail('CATALOG_EDITION_STALE');
        const edition = repo.received(version) ?? fail('CATALOG_EDITION_UNKNOWN');
        if (edition.effective_date > today()) {
          if (edition.scheduled_at === null) {
            repo.schedule(version, ctx.now(), actor.userId);
            auditEdition('edition_schedule', edition, actor);
          }
          return false;
        }
        applyEdition(edition, actor, false);
        return true;
      })();
      if (changed) deps.pushOffice();
      return status();
    },

    /** Cancels the schedule of the pending edition `version` (nothing to cancel changes nothing). */
    unschedule(version: number, actor: StaffActor): CatalogUpdateStatus {
      db.transaction(() => {
        const pending = pendingRow();
        if (repo.applied()?.version === version) return; // the tick applied it meanwhile: nothing left to cancel
        if (!pending || pending.version !== version) fail(repo.received(version) ? 'CATALOG_EDITION_STALE' : 'CATALOG_EDITION_UNKNOWN');
        if (pending.scheduled_at === null) return;
        repo.schedule(version, null, null);
        auditEdition('edition_unschedule', pending, actor);
      })();
      return status();
    },

    /**
     * The 30-second tick (and the hub's start): applies the pending edition the admin scheduled once the office's day
     * has reached its effective date, while the office is linked to its province. It is applied by the hub (audited
     * as scheduled, with who scheduled it: the decision was theirs, the account may since have changed). One that
     * fails to apply loses its schedule, on record: the screen offers the button again, and pressing it (the date has
     * come, so it applies at once) shows the hub's error.
     * Needs no WAN. Returns the version applied, or null.
     */
    applyScheduledIfDue(): number | null {
      const due = repo.newestScheduled();
      if (!due || due.effective_date > today() || !repos.provinceLink.get()) return null;
      const pending = pendingRow();
      if (pending?.version !== due.version) return null;
      try {
        db.transaction(() => applyEdition(pending, { userId: null }, true))();
      } catch (err) {
        db.transaction(() => {
          repo.schedule(pending.version, null, null);
          auditEdition('edition_schedule_failed', pending, { userId: null }, { reason: err instanceof Error ? err.message : String(err) });
        })();
        throw err;
      }
      deps.pushOffice();
      return pending.version;
    },

  };
}
export type CatalogUpdateService = ReturnType<typeof catalogUpdateService>;
