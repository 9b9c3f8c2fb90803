import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/** Subsets of Be Vietnam Pro that together cover Vietnamese (latin: ASCII + Latin-1; vietnamese: ư ơ đ ạ ệ …). */
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;
const WEIGHTS = [500, 700, 800] as const;

let registered = false;

/**
 * Registers the bundled Be Vietnam Pro (from @fontsource, woff2 — Skia reads it directly) once per process, one
 * family per subset, and returns the CSS font-family list that falls back across subsets glyph by glyph.
 * No system font is assumed: a printer host may have none.
 */
export function ticketFontFamily(): string {
  const families = SUBSETS.map((s) => `MotcuaTicket-${s}`);
  if (!registered) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/be-vietnam-pro/package.json')), 'files');
    for (const subset of SUBSETS) {
      for (const weight of WEIGHTS) {
        const file = join(dir, `be-vietnam-pro-${subset}-${weight}-normal.woff2`);
        if (!GlobalFonts.registerFromPath(file, `MotcuaTicket-${subset}`)) throw new Error(`cannot load ticket font ${file}`);
      }
    }
    registered = true;
  }
  return families.map((f) => `"${f}"`).join(', ');
}
