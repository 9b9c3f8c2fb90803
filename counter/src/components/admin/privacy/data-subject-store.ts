import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ErrorCode } from '@shared/errors';
import type { Applicant } from '@shared/schemas/dossier';
import type { DataSubjectExport, ErasureReply, KeptRecord } from '@shared/schemas/privacy';
import { ApiError, errorCodeOf, request } from '@ui/api';

/**
 * A citizen's request handled by a supervisor or admin: everything held about one ID number (to show, download as
 * JSON or print), corrections, and erasure where the law allows (the hub says what it must keep and why).
 */
export const useDataSubjectStore = defineStore('dataSubject', () => {
  const data = shallowRef<DataSubjectExport | null>(null);
  const loading = ref(false);
  const errorCode = ref<ErrorCode | null>(null);
  const erasure = shallowRef<ErasureReply | null>(null);
  /** The hub refused the erasure: every record must be kept (with the reasons). */
  const refused = shallowRef<KeptRecord[] | null>(null);

  async function find(idNumber: string): Promise<void> {
    loading.value = true;
    errorCode.value = null;
    data.value = null;
    erasure.value = null;
    refused.value = null;
    try {
      data.value = await request<DataSubjectExport>('GET', `/api/admin/data-subjects/${encodeURIComponent(idNumber.trim())}`);
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      loading.value = false;
    }
  }

  /** Saves a correction, then reloads what is held (the ID number may have changed); throws the hub's ApiError. */
  async function correct(dossierId: number, applicant: Applicant, reason: string): Promise<void> {
    const before = data.value?.idNumber;
    await request<void>('PUT', `/api/admin/dossiers/${dossierId}/applicant`, { applicant, reason });
    await find(applicant.idNumber || before || '');
  }

  /** Asks the hub to erase what it may; a refusal (RECORD_MUST_BE_KEPT) keeps its reasons in `refused`. */
  async function erase(): Promise<void> {
    if (!data.value) return;
    const idNumber = data.value.idNumber;
    try {
      const reply = await request<ErasureReply>('POST', `/api/admin/data-subjects/${encodeURIComponent(idNumber)}/erase`);
      erasure.value = reply;
      refused.value = null;
      // Show what is now held without asking again (a new export would be logged as another read).
      const blank = Object.fromEntries(reply.erasedFields.map((f) => [f, '']));
      data.value = { ...data.value, dossiers: data.value.dossiers.map((d) => (reply.erased.includes(d.code) ? { ...d, applicant: { ...d.applicant, ...blank } } : d)) };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'RECORD_MUST_BE_KEPT') refused.value = (error.details as { kept: KeptRecord[] }).kept;
      else errorCode.value = errorCodeOf(error);
    }
  }

  return { data, loading, errorCode, erasure, refused, find, correct, erase };
});
