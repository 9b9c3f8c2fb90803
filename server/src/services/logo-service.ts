import { createHash } from 'node:crypto';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import type { ServiceContext } from './context';
import type { QueueService } from './queue-service';

/** Largest logo accepted, in bytes. */
export const LOGO_MAX_BYTES = 256 * 1024;

/** Raster types only: an SVG served from our own origin could carry script. */
const SIGNATURES: { type: string; check: (b: Buffer) => boolean }[] = [
  { type: 'image/png', check: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', check: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/webp', check: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
];

interface StoredLogo {
  type: string;
  data: string;
}

/** The office logo (shown on screens, later printed on tickets), kept in the settings table. */
export function logoService(ctx: ServiceContext, queue: QueueService) {
  const { repos, db } = ctx;

  /** Stores a logo sent as a data URL; the declared type must match the file's bytes. */
  function set(dataUrl: string, actor: StaffActor): string {
    const m = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]+={0,2})$/.exec(dataUrl);
    if (!m) fail('VALIDATION_FAILED', { field: 'logo', message: 'Logo phải là ảnh PNG, JPEG hoặc WebP.' });
    const bytes = Buffer.from(m[2] as string, 'base64');
    if (bytes.length > LOGO_MAX_BYTES) fail('VALIDATION_FAILED', { field: 'logo', message: 'Logo tối đa 256 KB.' });
    const sig = SIGNATURES.find((s) => s.check(bytes));
    if (!sig || sig.type !== m[1]) fail('VALIDATION_FAILED', { field: 'logo', message: 'Tệp không phải là ảnh hợp lệ.' });
    const version = createHash('sha256').update(bytes).digest('base64url').slice(0, 16);
    db.transaction(() => {
      repos.settings.write('logo', { type: sig.type, data: bytes.toString('base64') } satisfies StoredLogo);
      repos.settings.write('logoMeta', { version });
      repos.audit.write(ctx.now(), actor, { action: 'admin.logo', details: { type: sig.type, bytes: bytes.length } });
    })();
    queue.pushOffice();
    return version;
  }

  function remove(actor: StaffActor): void {
    db.transaction(() => {
      repos.settings.remove('logo');
      repos.settings.remove('logoMeta');
      repos.audit.write(ctx.now(), actor, { action: 'admin.logo_remove' });
    })();
    queue.pushOffice();
  }

  /** The logo's bytes and type, if any. */
  function get(): { type: string; bytes: Buffer } | undefined {
    const stored = repos.settings.read<StoredLogo>('logo');
    return stored ? { type: stored.type, bytes: Buffer.from(stored.data, 'base64') } : undefined;
  }

  return { set, remove, get };
}
