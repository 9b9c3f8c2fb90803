import { version } from '../version';

/** What one request to the province hub came to. */
export interface ProvinceReply {
  /** HTTP status, or null when the province was not reached (network, time-out). */
  status: number | null;
  body: unknown;
  error: string | null;
}

const MAX_ERROR = 300;

/**
 * One JSON POST to the province hub (`base` + `path`), with the office's credential when it has one. Never throws:
 * an unreachable province is a reply with `status: null`. Redirects are not followed.
 */
export function provincePost(base: string, path: string, body: unknown, opts: { credential?: string; timeoutMs: number }): Promise<ProvinceReply> {
  return provinceRequest(base, path, { ...opts, method: 'POST', body });
}

/** One GET from the province hub; with `ifNoneMatch`, a 304 (nothing newer) costs no body. Never throws. */
export function provinceGet(base: string, path: string, opts: { credential?: string; timeoutMs: number; ifNoneMatch?: string }): Promise<ProvinceReply> {
  return provinceRequest(base, path, { ...opts, method: 'GET' });
}

async function provinceRequest(
  base: string,
  path: string,
  opts: { method: 'GET' | 'POST'; body?: unknown; credential?: string; timeoutMs: number; ifNoneMatch?: string },
): Promise<ProvinceReply> {
  try {
    const res = await fetch(`${base}${path}`, {
      method: opts.method,
      headers: {
        ...(opts.method === 'POST' ? { 'content-type': 'application/json' } : {}),
        'user-agent': `motcua-office/${version}`,
        ...(opts.credential ? { 'x-motcua-office': opts.credential } : {}),
        ...(opts.ifNoneMatch ? { 'if-none-match': opts.ifNoneMatch } : {}),
      },
      ...(opts.method === 'POST' ? { body: JSON.stringify(opts.body) } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    const ok = (res.status >= 200 && res.status < 300) || res.status === 304;
    const code = (json as { code?: unknown } | null)?.code;
    return { status: res.status, body: json, error: ok ? null : `HTTP ${res.status}${typeof code === 'string' ? ` ${code}` : ''}` };
  } catch (err) {
    const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    return { status: null, body: null, error: cause.slice(0, MAX_ERROR) };
  }
}

/** The province hub's base address: no trailing slash, no query or fragment. */
export function provinceBase(raw: string): string | null {
  try {
    const u = new URL(raw.trim());
    if (u.search || u.hash) return null;
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}
