import { createHash, randomBytes } from 'node:crypto';
import type { ApiKey, ApiKeyInput, ApiScope } from '@shared/schemas/integrations';
import { fail } from '../errors';
import type { StaffActor } from '../repositories/audit-repository';
import type { ApiKeyRow } from '../repositories/api-keys-repository';
import type { ServiceContext } from './context';

/** A machine authenticated by its key. */
export interface ApiKeyPrincipal {
  id: number;
  name: string;
  scopes: readonly ApiScope[];
}

const KEY_PREFIX = 'mcua_';
const hash = (key: string) => createHash('sha256').update(key).digest('hex');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const WINDOW_MS = 60_000;

function toApiKey(r: ApiKeyRow): ApiKey {
  return {
    id: r.id,
    name: r.name,
    scopes: JSON.parse(r.scopes) as ApiScope[],
    prefix: r.prefix,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: iso(r.last_used_at),
    revokedAt: iso(r.revoked_at),
  };
}

/**
 * API keys for other systems. The key is shown once and only its SHA-256 is stored (a key is 32 random bytes: no
 * slow hash needed against guessing). Each key is limited to `perMinute` requests in a fixed one-minute window.
 */
export function apiKeyService(ctx: ServiceContext, perMinute: number) {
  const { repos, db } = ctx;
  const windows = new Map<number, { start: number; used: number }>();

  return {
    list: (): ApiKey[] => repos.apiKeys.all().map(toApiKey),
    create(input: ApiKeyInput, actor: StaffActor): { id: number; key: string } {
      const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
      const at = ctx.now();
      const id = db.transaction(() => {
        const id = repos.apiKeys.insert({ name: input.name.trim(), scopes: JSON.stringify(input.scopes), prefix: key.slice(0, KEY_PREFIX.length + 6), key_hash: hash(key), created_by: actor.userId, created_at: at });
        repos.audit.write(at, actor, { action: 'api_key.create', targetType: 'api_key', targetId: id, details: { name: input.name, scopes: input.scopes } });
        return id;
      })();
      return { id, key };
    },
    /** Revokes at once: the next request with the key is refused. */
    revoke(id: number, actor: StaffActor): void {
      if (!repos.apiKeys.exists(id)) fail('API_KEY_NOT_FOUND');
      db.transaction(() => {
        repos.apiKeys.revoke(id, ctx.now());
        repos.audit.write(ctx.now(), actor, { action: 'api_key.revoke', targetType: 'api_key', targetId: id });
      })();
      windows.delete(id);
    },
    /** The live key behind a bearer token, or undefined. */
    authenticate(token: string): ApiKeyPrincipal | undefined {
      if (!token.startsWith(KEY_PREFIX)) return undefined;
      const row = repos.apiKeys.byHash(hash(token));
      if (!row || row.revoked_at !== null) return undefined;
      repos.apiKeys.markUsed(row.id, ctx.now());
      return { id: row.id, name: row.name, scopes: JSON.parse(row.scopes) as ApiScope[] };
    },
    /** Counts one request of the key; false when it is over its limit for the current minute. */
    charge(id: number): boolean {
      if (perMinute <= 0) return true;
      const now = Date.now();
      const w = windows.get(id);
      if (!w || now - w.start >= WINDOW_MS) {
        windows.set(id, { start: now, used: 1 });
        return true;
      }
      w.used += 1;
      return w.used <= perMinute;
    },
    /** Audits a machine's command (reads are not audited; dossier reads go to the access log). */
    audit(key: ApiKeyPrincipal, ip: string, action: string, details: unknown): void {
      repos.audit.write(ctx.now(), { userId: null, apiKeyId: key.id, ip }, { action, targetType: 'api_key', targetId: key.id, details });
    },
  };
}
export type ApiKeyService = ReturnType<typeof apiKeyService>;
