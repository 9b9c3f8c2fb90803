import { describe, expect, it } from 'vitest';
import { randomToken, timeOrderedId } from '../../src/random-token';

describe('randomToken (pooled CSPRNG bytes)', () => {
  it('hands out each pooled byte once: 20,000 tracking ids across many refills are distinct base64url of 16 chars', () => {
    const ids = Array.from({ length: 20_000 }, () => randomToken(12));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    // Every character position varies (a stuck pool slice would repeat one).
    for (let i = 0; i < 16; i++) expect(new Set(ids.map((id) => id[i])).size).toBeGreaterThan(50);
  });
  it('refuses more than the pool holds', () => {
    expect(() => randomToken(5000)).toThrow(RangeError);
    expect(randomToken(4096)).toHaveLength(Math.ceil((4096 * 4) / 3));
  });
  it('time-ordered ids: unique, fixed width, sorted by their time (so a UNIQUE index grows at its right edge)', () => {
    const t0 = Date.parse('2026-12-07T08:00:00Z');
    const ids = Array.from({ length: 5000 }, (_, i) => timeOrderedId(t0 + i * 7));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{9}[A-Za-z0-9_-]{16}$/);
    expect(ids.map((id) => id.slice(0, 9))).toEqual([...ids.map((id) => id.slice(0, 9))].sort());
    expect(timeOrderedId(Date.parse('2059-01-01T00:00:00Z')).slice(0, 9) > timeOrderedId(t0).slice(0, 9)).toBe(true);
  });
});
