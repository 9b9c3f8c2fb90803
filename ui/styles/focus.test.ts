/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The design tokens of base.css (--name: #rrggbb), read as the file on disk (Vite would turn a CSS import into styles). */
const css = readFileSync(resolve(process.cwd(), 'ui/styles/base.css'), 'utf8');
const token = (name: string): string => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m?.[1]) throw new Error(`token --${name} not found`);
  return m[1];
};

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every background a focused control sits on in the three apps (pages, cards, headers, buttons, the wall display). */
const BACKGROUNDS = ['c-surface', 'c-bg', 'c-primary-soft', 'c-primary', 'c-primary-dark', 'c-dark-bg', 'c-dark-surface', 'c-accent', 'c-accent-soft', 'c-ok-soft', 'c-warn-soft', 'c-ok'];

/** Colours written straight into the apps' stylesheets (keyboard keys, a sold-out tile, the display's panels…). */
function literalBackgrounds(): string[] {
  const found = new Set<string>();
  for (const dir of ['kiosk/src', 'counter/src', 'display/src', 'ui']) {
    for (const file of readdirSync(resolve(process.cwd(), dir), { recursive: true }) as string[]) {
      if (!/\.(vue|css)$/.test(file)) continue;
      const text = readFileSync(join(process.cwd(), dir, file), 'utf8');
      for (const m of text.matchAll(/background(?:-color)?:\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b/g)) {
        const hex = m[1]!.length === 4 ? `#${[...m[1]!.slice(1)].map((c) => c + c).join('')}` : m[1]!;
        found.add(hex.toLowerCase());
      }
    }
  }
  return [...found].sort();
}

describe('the focus ring (WCAG 1.4.11, 2.4.7)', () => {
  const ring = token('c-focus');
  const halo = token('c-focus-halo');

  it('draws the two-tone ring in :focus-visible', () => {
    expect(css).toMatch(/:focus-visible\s*{[^}]*outline:\s*3px solid var\(--c-focus\)[^}]*box-shadow:\s*0 0 0 3px var\(--c-focus-halo\)/);
  });

  it('its two tones differ by 3:1 or more', () => {
    expect(contrast(ring, halo)).toBeGreaterThanOrEqual(3);
  });

  it.each(BACKGROUNDS)('one of its tones stands out at 3:1 or more against --%s', (bg) => {
    const best = Math.max(contrast(ring, token(bg)), contrast(halo, token(bg)));
    expect(best).toBeGreaterThanOrEqual(3);
  });

  it('one of its tones stands out at 3:1 or more against every colour written in a stylesheet', () => {
    const backgrounds = literalBackgrounds();
    // The scan finds them (white, the keyboard's greys, the sold-out tile's grey, the display's near-black).
    expect(backgrounds).toEqual(expect.arrayContaining(['#ffffff', '#dde3ea', '#8a96a3', '#0a1a2e']));
    const weak = backgrounds.filter((bg) => Math.max(contrast(ring, bg), contrast(halo, bg)) < 3);
    expect(weak).toEqual([]);
  });

  it('gold alone on white did not (the old ring)', () => {
    expect(contrast(token('c-gold'), token('c-surface'))).toBeLessThan(3);
  });
});
