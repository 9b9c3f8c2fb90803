// Spellings of a request target that an attacker sends, for the access tests over raw TCP.

/** A seeded PRNG (mulberry32): the sampled escapes are the same on every run. */
export function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (c: string, upper: boolean) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')[upper ? 'toUpperCase' : 'toLowerCase']()}`;
const escapeAt = (path: string, i: number, upper = true) => `${path.slice(0, i)}${hex(path[i] ?? '', upper)}${path.slice(i + 1)}`;

export interface Spelling {
  name: string;
  target: string;
  /** The same resource as the plain spelling (RFC 3986 §6.2.2): the status must be the same. An escaped `/` is another resource. */
  same: boolean;
}

/**
 * Spellings of one path that an attacker sends: characters percent-escaped (the first, one sampled, all of them;
 * upper- and lower-case hex), doubled slashes, the absolute form, and an escaped slash.
 */
export function spellings(path: string, rnd: () => number): Spelling[] {
  const letters = [...path].map((c, i) => (c === '/' ? -1 : i)).filter((i) => i >= 0);
  const pick = () => letters[Math.floor(rnd() * letters.length)] ?? 1;
  const secondSlash = path.indexOf('/', 1);
  return [
    { name: 'first escaped', target: escapeAt(path, 1, false), same: true },
    { name: 'one escaped', target: escapeAt(path, pick()), same: true },
    { name: 'all escaped', target: [...path].map((c) => (c === '/' ? c : hex(c, true))).join(''), same: true },
    { name: 'leading //', target: `/${path}`, same: true },
    { name: 'inner //', target: secondSlash > 0 ? `${path.slice(0, secondSlash)}/${path.slice(secondSlash)}` : `${path}/`, same: secondSlash > 0 },
    { name: 'absolute form', target: `http://x${path}`, same: true },
    { name: '%2F', target: secondSlash > 0 ? `${path.slice(0, secondSlash)}%2F${path.slice(secondSlash + 1)}` : path, same: secondSlash <= 0 },
  ];
}
