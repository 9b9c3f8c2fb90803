import { isIP } from 'node:net';

/** Whether `host` (as in a URL, IPv6 in brackets) is this machine. */
function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/**
 * Where the hub may send webhooks: any `https://` URL; `http://` only to this machine or to a host the admin listed
 * as on the office LAN (plain HTTP crosses no untrusted network then). Anything else, and URLs carrying
 * credentials, are refused.
 */
export function webhookUrlAllowed(raw: string, lanHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  return isLoopback(host) || lanHosts.some((h) => h.toLowerCase() === host.replace(/^\[|\]$/g, ''));
}
