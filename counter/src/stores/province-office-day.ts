import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ErrorCode } from '@shared/errors';
import type { ProvinceOfficeDay } from '@shared/schemas/province-office-day';
import { addDays } from '@shared/schemas/report';
import { errorCodeOf, request } from '@ui/api';

/** The board's click-through: one office's day (today unless moved), with the day before for the headline figures. */
export const useProvinceOfficeDayStore = defineStore('province-office-day', () => {
  const officeId = ref<number | null>(null);
  const current = ref<ProvinceOfficeDay | null>(null);
  const previous = ref<ProvinceOfficeDay | null>(null);
  const loading = ref(false);
  const errorCode = ref<ErrorCode | null>(null);
  // Only the last request's answer is shown: a quick ← ← never ends on an older day.
  let latest = 0;

  const get = (id: number, day?: string) => request<ProvinceOfficeDay>('GET', `/api/province/offices/${id}/day${day ? `?day=${day}` : ''}`);

  /** Loads `day` of office `id` (today, in the province hub's time zone, when omitted). */
  async function load(id: number, day?: string): Promise<void> {
    const mine = (latest += 1);
    officeId.value = id;
    loading.value = true;
    errorCode.value = null;
    try {
      const now = await get(id, day);
      const before = await get(id, addDays(now.day, -1));
      if (mine !== latest) return;
      current.value = now;
      previous.value = before;
    } catch (err) {
      if (mine === latest) errorCode.value = errorCodeOf(err);
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  /** Opens an office's day: today, nothing of another office shown meanwhile. */
  function open(id: number): Promise<void> {
    current.value = null;
    previous.value = null;
    return load(id);
  }

  /** Moves `n` days from the day shown (never past today). */
  async function move(n: number): Promise<void> {
    const c = current.value;
    if (!c) return;
    const day = addDays(c.day, n);
    if (day <= c.today) await load(c.office.id, day);
  }

  /** Shows another day picked in the calendar (a day after today shows today). */
  async function pick(day: string): Promise<void> {
    const c = current.value;
    if (c && /^\d{4}-\d{2}-\d{2}$/.test(day)) await load(c.office.id, day > c.today ? c.today : day);
  }

  /** Reloads the day shown (the office's live state follows its heartbeats). */
  async function refresh(): Promise<void> {
    if (current.value) await load(current.value.office.id, current.value.day);
  }

  function close(): void {
    latest += 1;
    officeId.value = null;
    current.value = null;
    previous.value = null;
    loading.value = false;
    errorCode.value = null;
  }

  return { officeId, current, previous, loading, errorCode, open, move, pick, refresh, close };
});
