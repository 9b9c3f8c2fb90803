/**
 * Files holding personal data (the database, its WAL and shared memory, backups) are readable by the hub's user only
 * (Luật 91/2025/QH15: protect personal data against unauthorised access). Modes are set at creation, not after:
 * a file created with the process umask would be readable by other local users until chmod-ed.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/** Mode of a private file: read and write for the owner only. */
export const PRIVATE_FILE_MODE = 0o600;
/** Mode of a private directory: the owner only. */
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Creates `dir` and any missing parents with mode 0700. An existing directory is left as it is: it may be shared
 * (`/tmp`, a home directory), and the files the hub puts there are private themselves.
 */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  const first = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir's mode passes through the umask; a umask never adds owner bits, but an odd one (e.g. 0o277) could remove them.
  if (first !== undefined) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates `file` empty with mode 0600 (exclusive, so an existing file is never truncated), or sets 0600 on it. */
export function ensurePrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Sets 0600 on those of `files` that exist (a database's -wal and -shm, which SQLite creates with the database's mode). */
export function tightenExisting(files: readonly string[]): void {
  for (const f of files) if (existsSync(f)) chmodSync(f, PRIVATE_FILE_MODE);
}
