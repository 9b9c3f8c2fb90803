import { Type, type Static } from '@sinclair/typebox';
import { CatalogFileSchema } from './procedure';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Version = Type.Integer({ minimum: 1, maximum: 1_000_000_000 });

/** What the province admin gives when publishing the catalog: the decision that promulgates it and its effective date. */
export const PublishCatalogSchema = Type.Object(
  {
    /** As written on the decision, e.g. "Quyết định số 123/QĐ-UBND". */
    decision: Type.String({ minLength: 3, maxLength: 200 }),
    effectiveDate: Day,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PublishCatalog = Static<typeof PublishCatalogSchema>;

/** One published edition of the province's catalog, without its content. */
export const CatalogEditionSchema = Type.Object({
  /** 1, 2, 3 … in publication order (also the edition's id). */
  version: Version,
  decision: Type.String(),
  effectiveDate: Day,
  note: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
  procedures: Type.Integer({ minimum: 0 }),
  fields: Type.Integer({ minimum: 0 }),
});
export type CatalogEdition = Static<typeof CatalogEditionSchema>;

/** `POST /api/province/catalog/publications` → the edition just frozen (`id` = `version`). */
export const CatalogPublicationSchema = Type.Composite([Type.Object({ id: Version }), CatalogEditionSchema]);
export type CatalogPublication = Static<typeof CatalogPublicationSchema>;

/** `GET /api/province/catalog/latest` (an enrolled office): the latest edition with its frozen content. */
export const PublishedCatalogSchema = Type.Composite([CatalogEditionSchema, Type.Object({ catalog: CatalogFileSchema })]);
export type PublishedCatalog = Static<typeof PublishedCatalogSchema>;

const ProcedureRef = Type.Object({ code: Type.String(), name: Type.String() });
/** What applying an edition would change in the office's catalog (lists cut at 100; the counts are whole). */
export const CatalogChangesSchema = Type.Object({
  added: Type.Array(ProcedureRef),
  changed: Type.Array(ProcedureRef),
  retired: Type.Array(ProcedureRef),
  addedCount: Type.Integer({ minimum: 0 }),
  changedCount: Type.Integer({ minimum: 0 }),
  retiredCount: Type.Integer({ minimum: 0 }),
  /** Fields (lĩnh vực) the edition brings that the office does not have yet. */
  newFields: Type.Array(Type.String()),
  /** Procedures whose fees the office had set itself: its fees are kept. */
  keptFees: Type.Array(ProcedureRef),
  /** Procedures the office had placed in another field: its placement is kept. */
  keptFields: Type.Array(ProcedureRef),
});
export type CatalogChanges = Static<typeof CatalogChangesSchema>;

/** `GET /api/admin/province/catalog` (office admin): the edition applied, and a newer one waiting to be applied. */
export const CatalogUpdateStatusSchema = Type.Object({
  applied: Type.Union([Type.Composite([CatalogEditionSchema, Type.Object({ appliedAt: Type.String({ format: 'date-time' }) })]), Type.Null()]),
  pending: Type.Union([
    Type.Composite([
      CatalogEditionSchema,
      Type.Object({
        changes: CatalogChangesSchema,
        /** When the admin scheduled it (it was applied before its effective date): the hub applies it that day. */
        scheduledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      }),
    ]),
    Type.Null(),
  ]),
  /** An edition the admin had scheduled that a newer one replaced (it will not be applied): said beside the newer one. */
  replaced: Type.Union([Type.Object({ version: Version, decision: Type.String(), effectiveDate: Day }), Type.Null()]),
  /** The office's day by the hub's clock: an edition whose effective date is later is scheduled, not applied. */
  today: Day,
  /** The last time the province answered a check (null: never, e.g. while the WAN is down). */
  lastCheckedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type CatalogUpdateStatus = Static<typeof CatalogUpdateStatusSchema>;

/**
 * `POST /api/admin/province/catalog/apply` and `…/unschedule`: the edition the admin saw (a newer or older one is
 * refused). Applied before its effective date, it is scheduled for that day instead.
 */
export const ApplyCatalogSchema = Type.Object({ version: Version }, { additionalProperties: false });
export type ApplyCatalog = Static<typeof ApplyCatalogSchema>;

/** The edition an office's public listing follows (Theo Quyết định số … hiệu lực từ …). */
export const CatalogBasisSchema = Type.Object({ decision: Type.String(), effectiveDate: Day });
export type CatalogBasis = Static<typeof CatalogBasisSchema>;
