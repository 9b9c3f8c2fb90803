import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ErrorCode } from '@shared/errors';
import type { ProvinceOffice } from '@shared/schemas/province';
import { errorCodeOf, request } from '@ui/api';

/** The province's pages: which hub this is, its offices (live board), adding and revoking offices. */
export const useProvinceStore = defineStore('province', () => {
  /** null until GET /api/hub answered. */
  const role = ref<'office' | 'province' | null>(null);
  const name = ref('');
  const offices = ref<ProvinceOffice[]>([]);
  /** The token of the office just added or revoked: shown once, then gone. */
  const issuedToken = ref<{ code: string; token: string } | null>(null);
  const errorCode = ref<ErrorCode | null>(null);
  const loadedAt = ref<number | null>(null);

  async function detect(): Promise<void> {
    try {
      const hub = await request<{ role: 'office' | 'province'; name: string }>('GET', '/api/hub');
      role.value = hub.role;
      name.value = hub.name;
    } catch {
      // An older hub without the route is an office's.
      role.value = 'office';
    }
  }

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    errorCode.value = null;
    try {
      return await fn();
    } catch (err) {
      errorCode.value = errorCodeOf(err);
      return undefined;
    }
  }

  async function loadOffices(): Promise<void> {
    const list = await run(() => request<ProvinceOffice[]>('GET', '/api/province/offices'));
    if (list) {
      offices.value = list;
      loadedAt.value = Date.now();
    }
  }

  async function addOffice(input: { name: string; code: string }): Promise<boolean> {
    const created = await run(() => request<{ id: number; enrollToken: string }>('POST', '/api/province/offices', input));
    if (!created) return false;
    issuedToken.value = { code: input.code, token: created.enrollToken };
    await loadOffices();
    return true;
  }

  async function revokeOffice(office: ProvinceOffice): Promise<void> {
    const renewed = await run(() => request<{ id: number; enrollToken: string }>('POST', `/api/province/offices/${office.id}/revoke`));
    if (renewed) issuedToken.value = { code: office.code, token: renewed.enrollToken };
    await loadOffices();
  }

  return { role, name, offices, issuedToken, errorCode, loadedAt, detect, loadOffices, addOffice, revokeOffice };
});
