/**
 * True when `value` holds a number that is not finite anywhere inside it. Ajv's type coercion turns strings such as
 * "1e999" into Infinity and then skips `maximum` for non-finite numbers, so a query `?limit=1e999` passes the schema;
 * the hub refuses such input after validation instead (one check for every route).
 */
export function hasNonFiniteNumber(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object' || depth > 32) return false;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (hasNonFiniteNumber(item, depth + 1)) return true;
  return false;
}
