// Page weight: what each built page loads before it can render (its entry script, the chunks it preloads, its
// stylesheets), gzip-compressed as the hub could serve them. Lazy chunks are counted separately.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  jsGzip: number;
  cssGzip: number;
  files: number;
}

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Every `index.html` under `dist`, with the gzip size of the JS and CSS it loads up front. */
export function pageWeights(dist = resolve('dist')): PageWeight[] {
  if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first');
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'assets') walk(join(dir, entry.name));
      else if (entry.name === 'index.html') pages.push(join(dir, entry.name));
    }
  };
  walk(dist);
  return pages.map((html) => {
    const text = readFileSync(html, 'utf8');
    const refs = [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
    const files = [...new Set(refs)].map((ref) => join(dist, ref.replace(/^\//, '')));
    const js = files.filter((f) => f.endsWith('.js') && existsSync(f));
    const css = files.filter((f) => f.endsWith('.css') && existsSync(f));
    return {
      page: `/${relative(dist, html).replace(/index\.html$/, '')}`,
      jsGzip: js.reduce((sum, f) => sum + gz(f), 0),
      cssGzip: css.reduce((sum, f) => sum + gz(f), 0),
      files: js.length + css.length,
    };
  });
}

/** Targets from quality.md (kiosk < 150 KB, display < 120 KB) and ui.md (phone pages: light). */
export const PAGE_TARGETS_KB: Record<string, number> = { '/kiosk/': 150, '/display/': 120, '/kiosk/phone/': 120 };
