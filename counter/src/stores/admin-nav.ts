import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref } from 'vue';
import type { Role } from '@shared/schemas/auth';
import { useSessionStore } from './session';

/** Sections of the administration area, in menu order. */
export const ADMIN_SECTIONS = ['devices', 'audit', 'settings', 'calendar', 'services', 'counters', 'catalog', 'displays', 'printers', 'users', 'backups', 'monitor', 'reports', 'dataAccess', 'dataRequests', 'privacy', 'appointments', 'webhooks', 'apiKeys', 'notifications', 'province'] as const;
/** One section of the administration area. */
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** Vietnamese URL slug of each section: `#/quan-tri/<slug>`. */
const SLUGS: Record<AdminSection, string> = {
  devices: 'thiet-bi',
  audit: 'nhat-ky',
  settings: 'cai-dat',
  calendar: 'lich-lam-viec',
  services: 'dich-vu',
  counters: 'quay',
  catalog: 'thu-tuc',
  displays: 'man-hinh',
  printers: 'may-in',
  users: 'tai-khoan',
  backups: 'sao-luu',
  monitor: 'giam-sat',
  reports: 'bao-cao',
  dataAccess: 'truy-cap-du-lieu',
  privacy: 'du-lieu-ca-nhan',
  dataRequests: 'yeu-cau-cong-dan',
  appointments: 'lich-hen',
  webhooks: 'ket-noi-su-kien',
  apiKeys: 'khoa-api',
  notifications: 'tin-nhan',
  province: 'ket-noi-tinh',
};
const ADMIN_PREFIX = '#/quan-tri';

/** Sections a role may open: supervisors the live monitor, the reports, the audit log and the personal data access log; staff none. */
export function sectionsFor(role: Role | null | undefined): readonly AdminSection[] {
  if (role === 'admin') return ADMIN_SECTIONS;
  if (role === 'supervisor') return ['monitor', 'reports', 'audit', 'dataAccess', 'dataRequests'];
  return [];
}

/** The location hash of a section (or of the area, which opens the first allowed section). */
export function adminHash(section?: AdminSection): string {
  return section ? `${ADMIN_PREFIX}/${SLUGS[section]}` : ADMIN_PREFIX;
}

/** Whether `hash` points into the administration area, and at which section (null: none or unknown). */
export function parseAdminHash(hash: string): { inAdmin: boolean; section: AdminSection | null } {
  if (hash !== ADMIN_PREFIX && !hash.startsWith(`${ADMIN_PREFIX}/`)) return { inAdmin: false, section: null };
  const slug = hash.slice(ADMIN_PREFIX.length + 1);
  const section = ADMIN_SECTIONS.find((s) => SLUGS[s] === slug) ?? null;
  return { inAdmin: true, section };
}

/**
 * Which screen the staff app shows: the counter work, or a section of the administration area. Kept in
 * `location.hash` so the browser's Back button and bookmarks work without a router. Links use `adminHash()`.
 */
export const useAdminNavStore = defineStore('adminNav', () => {
  const session = useSessionStore();
  const hash = ref(typeof location === 'undefined' ? '' : location.hash);

  const onHashChange = () => {
    hash.value = location.hash;
  };
  window.addEventListener('hashchange', onHashChange);
  onScopeDispose(() => window.removeEventListener('hashchange', onHashChange));

  /** Nothing while the password must be changed first (the hub refuses everything else then). */
  const allowed = computed(() => (session.me?.mustChangePassword ? [] : sectionsFor(session.me?.role)));
  /** The signed-in user may open the administration area at all. */
  const canOpen = computed(() => allowed.value.length > 0);
  /** The administration area is showing. */
  const open = computed(() => canOpen.value && parseAdminHash(hash.value).inAdmin);
  /** The section shown: the one in the hash when allowed, else the first allowed one. */
  const section = computed<AdminSection | null>(() => {
    if (!open.value) return null;
    const wanted = parseAdminHash(hash.value).section;
    return wanted && allowed.value.includes(wanted) ? wanted : (allowed.value[0] ?? null);
  });

  /** Opens a section (a new history entry, so Back returns to where the user was). */
  function go(next?: AdminSection): void {
    location.hash = adminHash(next);
    hash.value = location.hash;
  }

  /** Back to the counter work: a new history entry without a hash, so Back reopens the administration area. */
  function leave(): void {
    history.pushState(null, '', `${location.pathname}${location.search}`);
    hash.value = '';
  }

  return { hash, allowed, canOpen, open, section, go, leave };
});
