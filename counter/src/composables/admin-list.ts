import { computed, onMounted, ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useAdminStore, type AdminResource } from '../stores/admin';

const LOADERS = {
  devices: 'loadDevices',
  settings: 'loadSettings',
  services: 'loadServices',
  counters: 'loadCounters',
  users: 'loadUsers',
  backups: 'loadBackups',
  webhooks: 'loadWebhooks',
  apiKeys: 'loadApiKeys',
} as const satisfies Record<AdminResource, string>;

export interface AdminListOptions {
  /** True while there is nothing to show yet (the "loading" line shows only then); default: the store's list is empty. */
  isEmpty?: () => boolean;
  /** The section's main button: its i18n key (shown after "+ ") and test id; clicking it sets `editing` to `'new'`. */
  add?: { key: string; testid: string };
}

/**
 * The wiring shared by the admin sections over one of the admin store's resources: loads it on mount, binds
 * AdminSection (title and intro from `admin.sections.*` / `admin.intro.*`, test id `admin-<resource>`, the
 * load state, Reload, the add button) with `v-bind="section"`, and holds the row being edited (`'new'` while
 * adding, null when no dialog is open).
 */
export function useAdminList<T = never>(resource: AdminResource, options: AdminListOptions = {}) {
  const admin = useAdminStore();
  const { t } = useI18n();
  const editing = ref(null) as Ref<T | 'new' | null>;
  const reload = () => admin[LOADERS[resource]]();
  const isEmpty = options.isEmpty ?? (() => !(admin[resource] as unknown[]).length);
  const { add } = options;

  const section = computed(() => ({
    title: t(`admin.sections.${resource}`),
    intro: t(`admin.intro.${resource}`),
    testid: `admin-${resource}`,
    loading: admin.loading[resource] && isEmpty(),
    errorCode: admin.loadErrors[resource],
    addLabel: add ? t(add.key) : undefined,
    addTestid: add?.testid,
    onReload: () => void reload(),
    onAdd: () => (editing.value = 'new'),
  }));

  onMounted(() => void reload());

  return { admin, section, editing };
}
