import { webhookUrlAllowed } from '../outbox/url-policy';
import type { Gateway, GatewayAnswer } from '@shared/schemas/notifications';

/** One message to send. */
export interface OutgoingMessage {
  phone: string;
  text: string;
  /** Stable id of this message (the same on a retry): the provider's request id. */
  messageId: string;
  kind: string;
}

const ANSWER_MAX = 500;

/** `template` with each `{{name}}` replaced; inside the JSON body values are JSON-escaped (quotes, newlines). */
export function fill(template: string, values: Record<string, string>, json: boolean): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    return json ? JSON.stringify(v).slice(1, -1) : v.replace(/[\r\n]/g, ' ');
  });
}

/** The request a gateway template makes for one message. */
export function gatewayRequest(g: Gateway, m: OutgoingMessage): { url: string; headers: Record<string, string>; body: string } {
  const values = { phone: m.phone, text: m.text, messageId: m.messageId, kind: m.kind };
  const headers: Record<string, string> = {};
  for (const line of g.headers.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim()] = fill(line.slice(i + 1).trim(), values, false);
  }
  return { url: g.url, headers, body: fill(g.body, values, true) };
}

/**
 * Sends one message through a gateway (the webhook URL policy: https, or http to loopback and listed LAN hosts; no
 * redirects; a time limit); resolves with the answer.
 */
export async function sendThrough(g: Gateway, m: OutgoingMessage, timeoutMs: number, lanHosts: readonly string[]): Promise<GatewayAnswer> {
  const req = gatewayRequest(g, m);
  const base = { text: m.text };
  if (!webhookUrlAllowed(req.url, lanHosts)) return { ...base, ok: false, code: null, body: '', error: 'URL not allowed (https, loopback or a listed LAN host)' };
  try {
    const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.text()).slice(0, ANSWER_MAX);
    const ok = res.status >= 200 && res.status < 300;
    return { ...base, ok, code: res.status, body, error: ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    return { ...base, ok: false, code: null, body: '', error: cause.slice(0, 300) };
  }
}
