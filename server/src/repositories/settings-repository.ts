import { DEFAULT_TIMEZONE } from '@shared/office-time';
import type { OfficeSettings } from '@shared/schemas/office';
import type { Db } from '../db';

/** Settings of a new office: weekday sessions per domain practice, strict priority. */
export const DEFAULT_SETTINGS: OfficeSettings = {
  name: 'Bộ phận Tiếp nhận và Trả kết quả',
  address: '',
  timezone: DEFAULT_TIMEZONE,
  workingDays: [1, 2, 3, 4, 5],
  sessions: [
    { start: '07:00', end: '11:30' },
    { start: '13:30', end: '17:00' },
  ],
  issueWindows: [
    { start: '07:00', end: '11:15' },
    { start: '13:30', end: '16:45' },
  ],
  dailyResetTime: '00:00',
  callingMode: 'strict',
  normalPerPriority: 3,
  transferPosition: 'front',
  elderlyAge: 60,
  defaultServiceMinutes: 6,
  openLan: false,
  unitCode: '',
  notifyPeopleAhead: 3,
  ratingScale: 3,
  kioskIdleSeconds: 30,
  kioskReadingSeconds: 120,
  waitAlertMinutes: 30,
  priorityGroups: ['elderly', 'disabled', 'pregnant', 'merit', 'young_child', 'appointment'],
  languages: ['vi', 'en'],
  showStaffNames: false,
};

/** Key-value settings stored as JSON. */
export function settingsRepository(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const del = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  const put = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  function read<T>(key: string): T | undefined {
    const row = get.get(key);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }
  // The office's settings are read on every command: kept parsed, dropped on any write (a rolled-back write then
  // reads the stored value again).
  let office: OfficeSettings | undefined;
  function write(key: string, value: unknown): void {
    if (key === 'office') office = undefined;
    put.run(key, JSON.stringify(value));
  }
  return {
    read,
    write,
    remove: (key: string): void => {
      del.run(key);
    },
    office: (): OfficeSettings => (office ??= { ...DEFAULT_SETTINGS, ...read<Partial<OfficeSettings>>('office') }),
    saveOffice: (settings: OfficeSettings): void => write('office', settings),
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
