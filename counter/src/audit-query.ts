import { localParts } from '@shared/office-time';

/** Action prefixes offered in the audit filter (an action is `<group>.<verb>`). */
export const AUDIT_ACTION_GROUPS = ['auth', 'ticket', 'counter', 'queue', 'device', 'admin'] as const;

/** Audit filters as typed in the form: dates as "dd/mm/yyyy" (office time zone), empty = no filter. */
export interface AuditFilters {
  from: string;
  to: string;
  userId: number | null;
  /** An action prefix such as "auth." ('' = all). */
  action: string;
  q: string;
}

/** No filter at all. */
export const emptyAuditFilters = (): AuditFilters => ({ from: '', to: '', userId: null, action: '', q: '' });

/** A "dd/mm/yyyy" (or "d/m/yyyy") date, or null when it is not a real calendar day. */
export function parseDay(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** The instant at which the given calendar day starts in `timeZone` (midnight office time). */
export function startOfDayIn(day: { year: number; month: number; day: number }, timeZone: string): Date {
  const guess = Date.UTC(day.year, day.month - 1, day.day);
  const p = localParts(new Date(guess), timeZone);
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - guess;
  return new Date(guess - offset);
}

/** Which date fields cannot be read ("from" / "to"). */
export function invalidDateFields(filters: AuditFilters): ('from' | 'to')[] {
  return (['from', 'to'] as const).filter((k) => filters[k].trim() !== '' && parseDay(filters[k]) === null);
}

/** Query string of `GET /api/admin/audit`; "to" includes the whole day typed. */
export function auditQueryString(filters: AuditFilters, timeZone: string, limit: number, beforeId?: number): string {
  const params = new URLSearchParams();
  const from = parseDay(filters.from);
  const to = parseDay(filters.to);
  if (from) params.set('from', startOfDayIn(from, timeZone).toISOString());
  if (to) params.set('to', new Date(startOfDayIn(to, timeZone).getTime() + 24 * 3600_000).toISOString());
  if (filters.userId !== null) params.set('userId', String(filters.userId));
  if (filters.action) params.set('action', filters.action);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  params.set('limit', String(limit));
  if (beforeId !== undefined) params.set('beforeId', String(beforeId));
  return params.toString();
}

/** i18n key of an action's label, or null when the action cannot be a key (the raw action is shown). */
export function auditActionKey(action: string): string | null {
  return /^[a-z_]+(\.[a-z_]+)+$/.test(action) ? `admin.audit.actions.${action}` : null;
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One line summing up an entry's details: "Label: value · Label: value", cut at `max` characters. */
export function summarizeDetails(details: unknown, labelOf: (key: string) => string, max = 90): string {
  if (details === null || details === undefined) return '';
  const text =
    typeof details === 'object' && !Array.isArray(details)
      ? Object.entries(details as Record<string, unknown>)
          .filter(([, v]) => v !== null && v !== undefined && v !== '')
          .map(([k, v]) => `${labelOf(k)}: ${valueText(v)}`)
          .join(' · ')
      : valueText(details);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
