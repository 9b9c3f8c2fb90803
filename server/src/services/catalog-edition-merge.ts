import type { CatalogChanges } from '@shared/schemas/province-catalog';
import type { CatalogFile, FieldInput, ProcedureInput } from '@shared/schemas/procedure';

/**
 * How an edition of the province's catalog meets an office's catalog (issue 21). The province owns a procedure's
 * content (name, documents, steps, time, legal basis, level, agencies, whether it is active …); the office owns:
 *
 * - the queue service a procedure is served at (`serviceCode`: which counters take it) — always the office's; a
 *   procedure new to the office gets the edition's service code only when the office has that service;
 * - its fields (lĩnh vực: names, icons, kiosk order) — an existing field is never rewritten, only missing ones added;
 * - overrides, told from the province's changes by the last edition the office applied (the base; before any, the
 *   catalog shipped with motcua, where every office starts): a procedure's fees differing from the base's are the
 *   office's own (e.g. an amount the office set where the province leaves it to the HĐND) and are kept, and so is a
 *   procedure placed in another field than the base's. Without a base entry nothing is an override.
 *
 * A procedure of the base the edition no longer lists is retired (kept for the dossiers that refer to it); a
 * procedure in neither (the office's own) is left alone.
 */
export interface MergePlan {
  /** Fields the edition brings that the office lacks. */
  fields: FieldInput[];
  /** Procedures to write (new, changed or retired), as they will be stored. */
  save: ProcedureInput[];
  changes: CatalogChanges;
}

const LIST_MAX = 100;
const key = (p: { code: string; localSuffix: string }) => `${p.code}|${p.localSuffix}`;
const ref = (p: ProcedureInput) => ({ code: p.localSuffix ? `${p.code} ${p.localSuffix}` : p.code, name: p.name });

/** JSON with object keys sorted: two equal values give the same text whatever order their keys were written in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Plans applying `edition` to the office's procedures; pure (the caller writes the plan in one transaction). */
export function planEdition(input: {
  edition: CatalogFile;
  office: readonly ProcedureInput[];
  base: CatalogFile | null;
  officeFieldCodes: ReadonlySet<string>;
  officeServiceCodes: ReadonlySet<string>;
}): MergePlan {
  const officeBy = new Map(input.office.map((p) => [key(p), p]));
  const baseBy = new Map((input.base?.procedures ?? []).map((p) => [key(p), p]));
  const listed = new Set(input.edition.procedures.map(key));
  const save: ProcedureInput[] = [];
  const added: ProcedureInput[] = [];
  const changed: ProcedureInput[] = [];
  const retired: ProcedureInput[] = [];
  const keptFees: ProcedureInput[] = [];
  const keptFields: ProcedureInput[] = [];

  for (const p of input.edition.procedures) {
    const o = officeBy.get(key(p));
    if (!o) {
      const merged = { ...p, serviceCode: input.officeServiceCodes.has(p.serviceCode) ? p.serviceCode : '' };
      save.push(merged);
      added.push(merged);
      continue;
    }
    const b = baseBy.get(key(p));
    const ownFees = b !== undefined && !same(o.fees, b.fees) && !same(o.fees, p.fees);
    const ownField = b !== undefined && o.fieldCode !== b.fieldCode && o.fieldCode !== p.fieldCode;
    const merged: ProcedureInput = { ...p, serviceCode: o.serviceCode, fees: ownFees ? o.fees : p.fees, fieldCode: ownField ? o.fieldCode : p.fieldCode };
    if (ownFees) keptFees.push(o);
    if (ownField) keptFields.push(o);
    if (same(merged, o)) continue;
    save.push(merged);
    (o.active && !merged.active ? retired : changed).push(merged);
  }
  for (const b of baseBy.values()) {
    const o = officeBy.get(key(b));
    if (listed.has(key(b)) || !o?.active) continue;
    const merged = { ...o, active: false };
    save.push(merged);
    retired.push(merged);
  }
  const fields = input.edition.fields.filter((f) => !input.officeFieldCodes.has(f.code));
  return {
    fields,
    save,
    changes: {
      added: added.slice(0, LIST_MAX).map(ref),
      changed: changed.slice(0, LIST_MAX).map(ref),
      retired: retired.slice(0, LIST_MAX).map(ref),
      addedCount: added.length,
      changedCount: changed.length,
      retiredCount: retired.length,
      newFields: fields.map((f) => f.nameVi),
      keptFees: keptFees.slice(0, LIST_MAX).map(ref),
      keptFields: keptFields.slice(0, LIST_MAX).map(ref),
    },
  };
}
