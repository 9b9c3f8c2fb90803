import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The phone pages' entry in the build (vite.config.ts input `phone`). */
const PHONE_ENTRY = 'kiosk/phone/index.html';

interface ManifestChunk {
  file: string;
  css?: string[];
  assets?: string[];
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The built files the citizen pages load, as URL paths: the phone entry's page and everything it imports, lazily or
 * not (scripts, styles, fonts, images), read from the build's manifest (vite `build.manifest`), plus the icon.
 * The kiosk, display and staff screens' own files are not among them. No build: no files.
 */
export function citizenFiles(staticDir: string): ReadonlySet<string> {
  const manifestFile = join(staticDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return new Set();
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set(['/kiosk/phone', '/kiosk/phone/', `/${PHONE_ENTRY}`, '/favicon.svg']);
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const file of [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]) files.add(`/${file}`);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(PHONE_ENTRY);
  return files;
}
