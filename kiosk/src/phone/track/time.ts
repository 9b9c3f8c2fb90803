import { DEFAULT_TIMEZONE } from '@shared/office-time';
/** "hh:mm" (24 h), or "hh:mm dd/mm/yyyy", in the office's time zone (never the phone's guess). */
export function formatClock(iso: string, timeZone = DEFAULT_TIMEZONE, withDate = false): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const clock = `${parts.hour}:${parts.minute}`;
  return withDate ? `${clock} ${parts.day}/${parts.month}/${parts.year}` : clock;
}
