import type { CatalogEdition, CatalogPublication, PublishCatalog, PublishedCatalog } from '@shared/schemas/province-catalog';
import type { CatalogFile } from '@shared/schemas/procedure';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import type { CatalogEditionRow } from '../repositories/catalog-editions-repository';
import type { CatalogService } from './catalog-service';
import type { ServiceContext } from './context';

/** An edition's head as the API shows it. */
export function editionOf(r: Omit<CatalogEditionRow, 'snapshot'>): CatalogEdition {
  return {
    version: r.version,
    decision: r.decision,
    effectiveDate: r.effective_date,
    note: r.note,
    publishedAt: new Date(r.published_at).toISOString(),
    procedures: r.procedures,
    fields: r.fields,
  };
}

/** A real calendar day (the schema's pattern lets 2026-02-31 through). */
const realDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
};

/**
 * The province hub's published catalog (issue 21): its admin edits the catalog with the office's catalog screens,
 * then publishes it under the decision that promulgates it; the edition is frozen (a later edit changes only the
 * next edition) and enrolled offices fetch the latest one.
 */
export function provinceCatalogService(ctx: ServiceContext, catalog: CatalogService) {
  const { repos, db } = ctx;
  const repo = repos.catalogEditions;
  return {
    /** Freezes the catalog as it is now into the next edition. */
    publish(body: PublishCatalog, actor: StaffActor): CatalogPublication {
      if (!realDay(body.effectiveDate)) fail('VALIDATION_FAILED', { field: 'effectiveDate', message: 'Ngày hiệu lực không có thật.' });
      const decision = body.decision.trim();
      if (decision.length < 3) fail('VALIDATION_FAILED', { field: 'decision', message: 'Nhập số quyết định công bố danh mục.' });
      return db.transaction(() => {
        const file: CatalogFile = catalog.exportAll();
        if (file.procedures.length === 0) fail('CATALOG_EMPTY');
        const row = {
          version: repo.nextVersion(),
          decision,
          effective_date: body.effectiveDate,
          note: (body.note ?? '').trim(),
          snapshot: JSON.stringify(file),
          procedures: file.procedures.length,
          fields: file.fields.length,
          published_at: ctx.now(),
        };
        repo.publish(row, actor.userId);
        repos.audit.write(ctx.now(), actor, {
          action: 'province.catalog_publish',
          targetType: 'catalog_edition',
          targetId: row.version,
          details: { decision, effectiveDate: row.effective_date, procedures: row.procedures, fields: row.fields },
        });
        return { id: row.version, ...editionOf(row) };
      })();
    },

    list: (): CatalogEdition[] => repo.published().map(editionOf),

    /** The latest edition with its content; 404 CATALOG_NOT_PUBLISHED before the first. */
    latest(): PublishedCatalog {
      const r = repo.latestPublished() ?? fail('CATALOG_NOT_PUBLISHED');
      return { ...editionOf(r), catalog: JSON.parse(r.snapshot) as CatalogFile };
    },
    latestVersion: (): number => repo.nextVersion() - 1,
  };
}
export type ProvinceCatalogService = ReturnType<typeof provinceCatalogService>;
