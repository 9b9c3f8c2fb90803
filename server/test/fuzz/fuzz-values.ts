/** A JSON schema node as the OpenAPI document (and TypeBox) writes it. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

/** Strings that are legal JSON but hostile: control and format characters, lone surrogates, huge combining runs, SQL/FTS syntax. */
export const WEIRD_STRINGS: string[] = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eđảo ngược',
  'a\u200Bb\uFEFF',
  'ĐĂNG KÝ KHAI SINH',
  'dang ky'.normalize('NFD'),
  'Đăng ký'.normalize('NFD'),
  `a${'\u0301'.repeat(5000)}`,
  '👨‍👩‍👧‍👦🇻🇳',
  '"',
  '*',
  '"dang" OR "ky" NEAR(a b) NOT c*',
  "'; DROP TABLE tickets; --",
  '%00%ff',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'x'.repeat(100_000),
];

/** Numbers at and beyond every edge. */
export const WEIRD_NUMBERS: number[] = [0, -1, -0, 1.5, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308];

/**
 * Values that no schema node `s` accepts, even with Fastify's Ajv defaults (coerceTypes 'array', removeAdditional):
 * an object where a scalar is due, a scalar where an object is due, two-element arrays (never coerced to a scalar),
 * out-of-range numbers and lengths, unknown enum members.
 */
export function invalidValues(s: JsonSchema): unknown[] {
  const out: unknown[] = [{ không: 'hợp lệ' }, [1, 2]];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    // Unions with a structured member are left to the hostile pass: no value is invalid for all members by construction.
    if (alternatives.some((a) => a.type === 'object' || a.type === 'array')) return [];
    if (alternatives.every((a) => a.enum || a.const !== undefined)) out.push('không-có-giá-trị-này');
    return out;
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      if (s.maxLength !== undefined) out.push('đ'.repeat(s.maxLength + 1));
      if (s.minLength) out.push('');
      if (s.enum) out.push('không-có-giá-trị-này');
      break;
    case 'integer':
      out.push('abc', 1.5);
      // Ajv coerces "1e999" to Infinity, which only a maximum rejects.
      if (s.maximum !== undefined) out.push('1e999');
      if (s.minimum !== undefined) out.push(s.minimum - 1);
      if (s.maximum !== undefined) out.push(s.maximum + 1);
      break;
    case 'number':
      out.push('abc');
      if (s.minimum !== undefined) out.push(s.minimum - 1);
      if (s.maximum !== undefined) out.push(s.maximum + 1);
      break;
    case 'boolean':
      out.push('có lẽ', 7);
      break;
    case 'object':
      return [42, 'chuỗi', [1, 2], true];
    case 'array':
      out.splice(0, 2, { không: 'hợp lệ' }, 'chuỗi');
      if (s.maxItems !== undefined && s.maxItems < 5_000) out.push(Array.from({ length: s.maxItems + 1 }, () => sample(s.items ?? {})));
      if (s.items) for (const bad of invalidValues(s.items).slice(0, 2)) out.push([bad, bad]);
      break;
    default:
      return [];
  }
  return out;
}

/** Invalid query-string spellings for a parameter schema (every value arrives as a string). */
export function invalidQueryValues(s: JsonSchema): string[] {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const out: string[] = [];
  if (type === 'integer' || type === 'number') out.push('abc', '--1', '0x1G', '١٢٣');
  if ((type === 'integer' || type === 'number') && s.maximum !== undefined) out.push('1e999');
  if (type === 'integer') out.push('1.5');
  if (type === 'integer' || type === 'number') {
    if (s.minimum !== undefined) out.push(String(s.minimum - 1));
    if (s.maximum !== undefined) out.push(String(s.maximum + 1));
  }
  if (type === 'boolean') out.push('có lẽ');
  if (type === 'string' && s.maxLength !== undefined) out.push('x'.repeat(s.maxLength + 1));
  if (type === 'string' && s.minLength) out.push('');
  if (s.enum || s.anyOf?.every((a) => a.enum)) out.push('không-có');
  return out;
}

const KNOWN_PATTERNS: [RegExp, string][] = [
  [/\[0-5\]\[0-9\]/, '08:00'],
  [/\\d\{4\}-/, '2026-11-23'],
];

/** A plausible valid value for a schema (defaults, first enum member, minimum, short strings). */
export function sample(s: JsonSchema): unknown {
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return sample(alternatives.find((a) => a.type !== 'null') ?? alternatives[0] ?? {});
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'date-time') return '2026-11-23T02:00:00.000Z';
      const known = s.pattern ? KNOWN_PATTERNS.find(([re]) => re.test(s.pattern as string)) : undefined;
      if (known) return known[1];
      return 'a'.repeat(Math.max(1, s.minLength ?? 1));
    }
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return false;
    case 'array':
      return s.minItems ? Array.from({ length: s.minItems }, () => sample(s.items ?? {})) : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = sample(s.properties?.[key] ?? {});
      return out;
    }
    default:
      return null;
  }
}

/**
 * Bodies that must be rejected: wrong top-level types, each required property missing, and each property (top level
 * and one level down) replaced by each of its invalid values while the rest stays a valid sample.
 */
export function invalidBodies(s: JsonSchema): unknown[] {
  const out: unknown[] = [...invalidValues(s)];
  if (s.type !== 'object' || !s.properties) return out;
  const base = sample(s) as Record<string, unknown>;
  // A missing property with a default is filled in by Ajv (useDefaults): only those without one make a body invalid.
  for (const key of (s.required ?? []).filter((k) => s.properties?.[k]?.default === undefined)) {
    const { [key]: _dropped, ...rest } = base;
    out.push({ ...rest, thừa: 'trường lạ' });
  }
  for (const [key, prop] of Object.entries(s.properties)) {
    for (const bad of invalidValues(prop)) out.push({ ...base, [key]: bad });
    if (prop.type === 'object' && prop.properties) {
      const inner = sample(prop) as Record<string, unknown>;
      for (const [k2, p2] of Object.entries(prop.properties)) for (const bad of invalidValues(p2).slice(0, 2)) out.push({ ...base, [key]: { ...inner, [k2]: bad } });
    }
  }
  return out;
}

/** Valid-shaped bodies carrying hostile strings and edge numbers in each top-level property. */
export function hostileBodies(s: JsonSchema): unknown[] {
  if (s.type !== 'object' || !s.properties) return [];
  const base = sample(s) as Record<string, unknown>;
  const out: unknown[] = [];
  for (const [key, prop] of Object.entries(s.properties)) {
    if (prop.type === 'string') for (const w of WEIRD_STRINGS) out.push({ ...base, [key]: w });
    if (prop.type === 'integer' || prop.type === 'number') for (const n of WEIRD_NUMBERS) out.push({ ...base, [key]: n });
  }
  return out;
}
