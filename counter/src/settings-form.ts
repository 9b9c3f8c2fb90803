import { minutesOfDay } from '@shared/office-time';
import { PRIORITY_GROUPS } from '@shared/priority';
import { LANGUAGES, type OfficeSettings } from '@shared/schemas/office';

/** Weekdays in the order a Vietnamese week is read: Thứ Hai … Thứ Bảy, Chủ nhật (0 = Sunday). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const CLOCK = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

/** An editable copy of the settings (lists copied so the form never edits the store's object). */
export function toSettingsForm(s: OfficeSettings): OfficeSettings {
  return {
    ...s,
    workingDays: [...s.workingDays],
    sessions: s.sessions.map((r) => ({ ...r })),
    issueWindows: s.issueWindows.map((r) => ({ ...r })),
    priorityGroups: [...s.priorityGroups],
    languages: [...s.languages],
  };
}

/** "7:30" → "07:30"; anything else is kept for the check to refuse. */
function normalizeClock(text: string): string {
  const m = /^(\d{1,2})[:h.](\d{2})$/.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : text.trim();
}

/**
 * The body of `PUT /api/admin/settings`: days sorted and unique, times "HH:MM", numbers as numbers, and the
 * priority groups in the order the office had them (newly ticked groups at the end, in the default order), the
 * languages in their usual order with Vietnamese always in.
 */
export function fromSettingsForm(form: OfficeSettings, original: OfficeSettings): OfficeSettings {
  const ticked = new Set(form.priorityGroups);
  const kept = original.priorityGroups.filter((g) => ticked.has(g));
  const added = PRIORITY_GROUPS.filter((g) => ticked.has(g) && !kept.includes(g));
  const ranges = (list: OfficeSettings['sessions']) => list.map((r) => ({ start: normalizeClock(r.start), end: normalizeClock(r.end) }));
  return {
    ...form,
    name: form.name.trim(),
    address: form.address.trim(),
    timezone: form.timezone.trim(),
    unitCode: form.unitCode.trim(),
    workingDays: [...new Set(form.workingDays)].sort((a, b) => a - b),
    sessions: ranges(form.sessions),
    issueWindows: ranges(form.issueWindows),
    dailyResetTime: normalizeClock(form.dailyResetTime),
    normalPerPriority: Number(form.normalPerPriority),
    elderlyAge: Number(form.elderlyAge),
    defaultServiceMinutes: Number(form.defaultServiceMinutes),
    notifyPeopleAhead: Number(form.notifyPeopleAhead),
    waitAlertMinutes: Number(form.waitAlertMinutes),
    kioskIdleSeconds: Number(form.kioskIdleSeconds),
    kioskReadingSeconds: Number(form.kioskReadingSeconds),
    priorityGroups: [...kept, ...added],
    languages: LANGUAGES.filter((l) => l === 'vi' || form.languages.includes(l)),
  };
}

function rangesOk(list: OfficeSettings['sessions']): boolean {
  return list.every((r) => CLOCK.test(r.start) && CLOCK.test(r.end) && minutesOfDay(r.start) < minutesOfDay(r.end));
}

const intIn = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** A hint to show next to a field: an i18n key and its parameters. */
export interface FieldHint {
  key: string;
  params?: Record<string, number>;
}

/** Client-side checks of a serialised form: field → hint (the same rules as the hub's schema). */
export function checkSettings(s: OfficeSettings): Record<string, FieldHint> {
  const errors: Record<string, FieldHint> = {};
  const range = (min: number, max: number): FieldHint => ({ key: 'admin.common.range', params: { min, max } });
  if (!s.name) errors.name = { key: 'admin.common.required' };
  if (!s.timezone) errors.timezone = { key: 'admin.common.required' };
  if (!/^[0-9A-Za-z.]*$/.test(s.unitCode)) errors.unitCode = { key: 'admin.settings.unitCodeHint' };
  if (!rangesOk(s.sessions)) errors.sessions = { key: 'admin.settings.timeInvalid' };
  if (!rangesOk(s.issueWindows)) errors.issueWindows = { key: 'admin.settings.timeInvalid' };
  if (!CLOCK.test(s.dailyResetTime)) errors.dailyResetTime = { key: 'admin.settings.timeInvalid' };
  if (!intIn(s.normalPerPriority, 1, 50)) errors.normalPerPriority = range(1, 50);
  if (!intIn(s.elderlyAge, 50, 100)) errors.elderlyAge = range(50, 100);
  if (!(s.defaultServiceMinutes >= 1 && s.defaultServiceMinutes <= 240)) errors.defaultServiceMinutes = range(1, 240);
  if (!intIn(s.waitAlertMinutes, 1, 480)) errors.waitAlertMinutes = range(1, 480);
  if (!intIn(s.notifyPeopleAhead, 0, 50)) errors.notifyPeopleAhead = range(0, 50);
  if (!intIn(s.kioskIdleSeconds, 20, 600)) errors.kioskIdleSeconds = range(20, 600);
  if (!intIn(s.kioskReadingSeconds, 20, 1800)) errors.kioskReadingSeconds = range(20, 1800);
  return errors;
}
