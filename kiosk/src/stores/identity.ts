import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ageOn, maskName, parseIdCardQr, type IdCard, type IdCardRefusal } from '@shared/id-card';
import { businessDay } from '@shared/office-time';
import type { PriorityGroup } from '@shared/priority';
import type { IdCardDossier, IdCardDossiers } from '@shared/schemas/dossier';
import type { ScannedIdentity } from '@shared/schemas/id-card';
import { request } from '@ui/api';
import { useQueueStore } from '@ui/stores/queue';

/** How long the "code not read" notice stays (it changes nothing else). */
export const REFUSAL_NOTICE_MS = 8000;

/**
 * The citizen who scanned their ID card at this kiosk, until the kiosk returns home (reset) or the time limit expires.
 * Kept in this page's memory only; what leaves it is the ID number (hashed by the hub) and the masked name.
 */
export const useIdentityStore = defineStore('identity', () => {
  const queue = useQueueStore();
  const card = shallowRef<IdCard | null>(null);
  /** Why the last scan was refused, shown briefly; the identity (if any) stays as it was. */
  const refusal = ref<IdCardRefusal | null>(null);
  /** The scanned citizen's open dossiers (Tra cứu hồ sơ), null until asked; `dossiersFailed` when the hub did not answer. */
  const dossiers = shallowRef<IdCardDossier[] | null>(null);
  const dossiersFailed = ref(false);
  let refusalTimer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  const maskedName = computed(() => (card.value ? maskName(card.value.fullName) : ''));

  /** The priority group the card implies: elderly when the age on the card reaches the office's elderly age. */
  const impliedGroup = computed<PriorityGroup | null>(() => {
    const c = card.value;
    const office = queue.office;
    if (!c?.dateOfBirth || !office || !office.priorityGroups.includes('elderly')) return null;
    const today = businessDay(queue.now(), queue.timezone);
    return ageOn(c.dateOfBirth, today) >= office.elderlyAge ? 'elderly' : null;
  });

  /** What the ticket request carries of the card. */
  const forTicket = computed<ScannedIdentity | undefined>(() => (card.value ? { idNumber: card.value.idNumber, maskedName: maskedName.value } : undefined));

  /** Reads a scanned payload: an ID card becomes the current identity; anything else is refused and changes nothing. */
  function scanned(payload: string): boolean {
    const parsed = parseIdCardQr(payload);
    clearTimeout(refusalTimer);
    if (!parsed.ok) {
      refusal.value = parsed.reason;
      refusalTimer = setTimeout(() => (refusal.value = null), REFUSAL_NOTICE_MS);
      return false;
    }
    refusal.value = null;
    if (card.value?.idNumber !== parsed.card.idNumber) dossiers.value = null;
    card.value = parsed.card;
    return true;
  }

  /** Asks the hub for the scanned citizen's open dossiers (status and dates only). */
  async function loadDossiers(): Promise<void> {
    const c = card.value;
    if (!c) return;
    const mine = ++seq;
    dossiersFailed.value = false;
    try {
      const reply = await request<IdCardDossiers>('POST', '/api/kiosk/dossiers-by-id-card', { idNumber: c.idNumber });
      if (mine === seq) dossiers.value = reply.dossiers;
    } catch {
      if (mine === seq) dossiersFailed.value = true;
    }
  }

  /** Forgets the citizen (the kiosk went home). */
  function forget(): void {
    seq++;
    clearTimeout(refusalTimer);
    card.value = null;
    refusal.value = null;
    dossiers.value = null;
    dossiersFailed.value = false;
  }

  return { card, refusal, dossiers, dossiersFailed, maskedName, impliedGroup, forTicket, scanned, loadDossiers, forget };
});
