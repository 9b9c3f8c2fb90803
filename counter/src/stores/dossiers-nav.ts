import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref } from 'vue';
import type { DossierFormId } from '@shared/dossier-forms';

/** Tabs of the dossier area, in menu order. */
export const DOSSIER_TABS = ['intake', 'track', 'alerts', 'return', 'book', 'calendar'] as const;
/** One tab of the dossier area. */
export type DossierTab = (typeof DOSSIER_TABS)[number];

const SLUGS: Record<DossierTab, string> = {
  intake: 'tiep-nhan',
  track: 'theo-doi',
  alerts: 'den-han',
  return: 'tra-ket-qua',
  book: 'so-theo-doi',
  calendar: 'lich-lam-viec',
};
const PREFIX = '#/ho-so';

/** Where `hash` points in the dossier area: a tab, or a printable form (`#/ho-so/in/01`). */
export function parseDossierHash(hash: string): { inArea: boolean; tab: DossierTab; form: DossierFormId | null } {
  if (hash !== PREFIX && !hash.startsWith(`${PREFIX}/`)) return { inArea: false, tab: 'intake', form: null };
  const rest = hash.slice(PREFIX.length + 1);
  const form = /^in\/(0[1-6])$/.exec(rest)?.[1] as DossierFormId | undefined;
  const tab = DOSSIER_TABS.find((t) => SLUGS[t] === rest) ?? 'intake';
  return { inArea: true, tab, form: form ?? null };
}

/** The hash of a tab or of a form's print view. */
export function dossierHash(tab?: DossierTab, form?: DossierFormId): string {
  if (form) return `${PREFIX}/in/${form}`;
  return tab ? `${PREFIX}/${SLUGS[tab]}` : PREFIX;
}

/** Which dossier screen shows, kept in `location.hash` (Back and bookmarks work without a router). */
export const useDossiersNavStore = defineStore('dossiersNav', () => {
  const hash = ref(typeof location === 'undefined' ? '' : location.hash);
  const onHashChange = () => {
    hash.value = location.hash;
  };
  window.addEventListener('hashchange', onHashChange);
  onScopeDispose(() => window.removeEventListener('hashchange', onHashChange));
  const parsed = computed(() => parseDossierHash(hash.value));

  function go(tab?: DossierTab, form?: DossierFormId): void {
    location.hash = dossierHash(tab, form);
    hash.value = location.hash;
  }
  /** Back to the console. */
  function leave(): void {
    history.pushState(null, '', `${location.pathname}${location.search}`);
    hash.value = '';
  }
  return { open: computed(() => parsed.value.inArea), tab: computed(() => parsed.value.tab), form: computed(() => parsed.value.form), go, leave };
});
