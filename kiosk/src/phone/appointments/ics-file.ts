/** An .ics calendar file of a booking (the `ics` package, loaded when the citizen asks for it). */
export async function bookingIcs(b: { code: string; start: string; end: string; title: string; location: string; description: string }): Promise<Blob> {
  const { createEvent } = await import('ics');
  const parts = (iso: string): [number, number, number, number, number] => {
    const d = new Date(iso);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
  };
  const { error, value } = createEvent({
    uid: `${b.code}@motcua`,
    start: parts(b.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: parts(b.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: b.title,
    location: b.location,
    description: b.description,
    alarms: [{ action: 'display', description: b.title, trigger: { minutes: 60, before: true } }],
  });
  if (error || !value) throw error ?? new Error('ics');
  return new Blob([value], { type: 'text/calendar;charset=utf-8' });
}
