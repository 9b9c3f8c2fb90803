import { defineStore } from 'pinia';
import { ref, type Ref } from 'vue';
import type { ErrorCode } from '@shared/errors';
import type { CounterAdmin, CounterInput, ServiceAdmin, ServiceInput, UserAdmin, UserCreate, UserUpdate } from '@shared/schemas/admin';
import type { ApprovePairingBody, Device } from '@shared/schemas/device';
import type { ApiKey, WebhookEndpoint } from '@shared/schemas/integrations';
import type { OfficeSettings } from '@shared/schemas/office';
import type { QueueSnapshot } from '@shared/schemas/queue';
import { errorCodeOf, request } from '@ui/api';

/** A confirmation shown after a successful save; `key` is an i18n key. */
export interface AdminToast {
  id: number;
  key: string;
  params?: Record<string, string | number>;
}

/** A database backup on the hub (`GET /api/admin/backups`); `size` in bytes, `createdAt` ISO. */
export interface BackupFile {
  name: string;
  size: number;
  createdAt: string;
}

/** What a list holds, for the loading/error state of its section. */
export type AdminResource = 'devices' | 'settings' | 'services' | 'counters' | 'users' | 'backups' | 'webhooks' | 'apiKeys';

const TOAST_MS = 4000;

/** Replaces the item with the same id, or appends it. */
function upsert<T extends { id: number }>(list: Ref<T[]>, item: T): void {
  const i = list.value.findIndex((x) => x.id === item.id);
  list.value = i === -1 ? [...list.value, item] : list.value.map((x, j) => (j === i ? item : x));
}

/**
 * Office administration (admin role): devices, settings, services, counters, accounts, backups, webhook endpoints and
 * API keys. Loads put the hub's
 * data in the lists; saves throw the hub's ApiError to the form that asked (it shows the messages next to
 * its fields) and, on success, update the list and show a toast.
 */
export const useAdminStore = defineStore('admin', () => {
  const devices = ref<Device[]>([]);
  const settings = ref<OfficeSettings | null>(null);
  /** Version of the office logo (null: none), loaded with the settings and kept after an upload or removal. */
  const logoVersion = ref<string | null>(null);
  const services = ref<ServiceAdmin[]>([]);
  const counters = ref<CounterAdmin[]>([]);
  const users = ref<UserAdmin[]>([]);
  /** Newest first, as the hub lists them. */
  const backups = ref<BackupFile[]>([]);
  const webhooks = ref<WebhookEndpoint[]>([]);
  const apiKeys = ref<ApiKey[]>([]);
  const loading = ref<Partial<Record<AdminResource, boolean>>>({});
  const loadErrors = ref<Partial<Record<AdminResource, ErrorCode>>>({});
  const toast = ref<AdminToast | null>(null);
  let toastSeq = 0;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;

  function notify(key: string, params?: Record<string, string | number>): void {
    toast.value = { id: ++toastSeq, key, params };
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (toast.value = null), TOAST_MS);
  }

  function dismissToast(): void {
    clearTimeout(toastTimer);
    toast.value = null;
  }

  async function load(resource: AdminResource, fn: () => Promise<void>): Promise<void> {
    loading.value = { ...loading.value, [resource]: true };
    const { [resource]: _previous, ...others } = loadErrors.value;
    loadErrors.value = others;
    try {
      await fn();
    } catch (error) {
      loadErrors.value = { ...loadErrors.value, [resource]: errorCodeOf(error) };
    } finally {
      loading.value = { ...loading.value, [resource]: false };
    }
  }

  /** A section's command failed (not a load): its message shows where a load error would, until the next load. */
  function showError(resource: AdminResource, error: unknown): void {
    loadErrors.value = { ...loadErrors.value, [resource]: errorCodeOf(error) };
  }

  const loadDevices = () =>
    load('devices', async () => {
      devices.value = await request<Device[]>('GET', '/api/admin/devices');
    });

  async function pairDevice(body: ApprovePairingBody): Promise<Device> {
    const device = await request<Device>('POST', '/api/admin/devices', body);
    upsert(devices, device);
    notify('admin.devices.pairedToast', { name: device.name });
    return device;
  }

  /** Binds a rating tablet to the counter it stands at (null: none); the tablet reconnects into that counter's room. */
  async function bindDevice(id: number, counterId: number | null): Promise<void> {
    try {
      const device = await request<Device>('PUT', `/api/admin/devices/${id}/counter`, { counterId });
      upsert(devices, device);
      notify('admin.devices.boundToast', { name: device.name });
    } catch (error) {
      loadErrors.value = { ...loadErrors.value, devices: errorCodeOf(error) };
    }
  }

  async function revokeDevice(id: number): Promise<void> {
    try {
      const device = await request<Device>('POST', `/api/admin/devices/${id}/revoke`);
      upsert(devices, device);
      notify('admin.devices.revokedToast', { name: device.name });
    } catch (error) {
      loadErrors.value = { ...loadErrors.value, devices: errorCodeOf(error) };
    }
  }

  /** The settings, and the logo version from the public snapshot (the settings do not carry it). */
  const loadSettings = () =>
    load('settings', async () => {
      const [next, snapshot] = await Promise.all([
        request<OfficeSettings>('GET', '/api/admin/settings'),
        request<QueueSnapshot>('GET', '/api/queue/snapshot'),
      ]);
      settings.value = next;
      logoVersion.value = snapshot.office.logoVersion;
    });

  async function saveSettings(next: OfficeSettings): Promise<OfficeSettings> {
    settings.value = await request<OfficeSettings>('PUT', '/api/admin/settings', next);
    notify('admin.settings.savedToast');
    return settings.value;
  }

  /** Sets the office logo from a `data:image/…;base64,` URL (PNG, JPEG or WebP, ≤ 256 KB); throws the hub's ApiError. */
  async function uploadLogo(dataUrl: string): Promise<void> {
    const reply = await request<{ logoVersion: string }>('PUT', '/api/admin/logo', { dataUrl });
    logoVersion.value = reply.logoVersion;
    notify('admin.settings.logoSavedToast');
  }

  /** Removes the office logo; throws the hub's ApiError. */
  async function removeLogo(): Promise<void> {
    await request<void>('DELETE', '/api/admin/logo');
    logoVersion.value = null;
    notify('admin.settings.logoRemovedToast');
  }

  const loadServices = () =>
    load('services', async () => {
      services.value = await request<ServiceAdmin[]>('GET', '/api/admin/services');
    });

  async function saveService(id: number | null, input: ServiceInput): Promise<ServiceAdmin> {
    const saved = await request<ServiceAdmin>(id === null ? 'POST' : 'PUT', id === null ? '/api/admin/services' : `/api/admin/services/${id}`, input);
    upsert(services, saved);
    notify('admin.services.savedToast', { name: saved.nameVi });
    return saved;
  }

  /** Counters with the services they may serve (the form lists every service). */
  const loadCounters = () =>
    load('counters', async () => {
      const [list, svc] = await Promise.all([
        request<CounterAdmin[]>('GET', '/api/admin/counters'),
        request<ServiceAdmin[]>('GET', '/api/admin/services'),
      ]);
      counters.value = list;
      services.value = svc;
    });

  async function saveCounter(id: number | null, input: CounterInput): Promise<CounterAdmin> {
    const saved = await request<CounterAdmin>(id === null ? 'POST' : 'PUT', id === null ? '/api/admin/counters' : `/api/admin/counters/${id}`, input);
    upsert(counters, saved);
    notify('admin.counters.savedToast', { n: saved.number });
    return saved;
  }

  const loadUsers = () =>
    load('users', async () => {
      users.value = await request<UserAdmin[]>('GET', '/api/admin/users');
    });

  async function createUser(input: UserCreate): Promise<UserAdmin> {
    const saved = await request<UserAdmin>('POST', '/api/admin/users', input);
    upsert(users, saved);
    notify('admin.users.createdToast', { username: saved.username });
    return saved;
  }

  async function updateUser(id: number, input: UserUpdate): Promise<UserAdmin> {
    const saved = await request<UserAdmin>('PUT', `/api/admin/users/${id}`, input);
    upsert(users, saved);
    notify('admin.users.savedToast', { username: saved.username });
    return saved;
  }

  async function resetPassword(id: number, newPassword: string): Promise<UserAdmin> {
    const saved = await request<UserAdmin>('POST', `/api/admin/users/${id}/password`, { newPassword });
    upsert(users, saved);
    notify('admin.users.resetToast', { username: saved.username });
    return saved;
  }

  /** Lets an account whose sign-in is delayed after wrong passwords sign in again at once (audited by the hub). */
  async function unlockUser(id: number): Promise<UserAdmin> {
    const saved = await request<UserAdmin>('POST', `/api/admin/users/${id}/unlock`);
    upsert(users, saved);
    notify('admin.users.unlockedToast', { username: saved.username });
    return saved;
  }

  const loadBackups = () =>
    load('backups', async () => {
      backups.value = await request<BackupFile[]>('GET', '/api/admin/backups');
    });

  /** Takes a backup now, then reloads the list (the hub may have pruned old ones); a failure shows in the section. */
  async function backupNow(): Promise<void> {
    try {
      const made = await request<BackupFile>('POST', '/api/admin/backups');
      notify('admin.backups.doneToast', { name: made.name });
    } catch (error) {
      loadErrors.value = { ...loadErrors.value, backups: errorCodeOf(error) };
      return;
    }
    await loadBackups();
  }

  const loadWebhooks = () =>
    load('webhooks', async () => {
      webhooks.value = await request<WebhookEndpoint[]>('GET', '/api/admin/webhooks');
    });

  const loadApiKeys = () =>
    load('apiKeys', async () => {
      apiKeys.value = await request<ApiKey[]>('GET', '/api/admin/api-keys');
    });

  return {
    devices,
    settings,
    logoVersion,
    services,
    counters,
    users,
    backups,
    webhooks,
    apiKeys,
    loading,
    loadErrors,
    toast,
    notify,
    dismissToast,
    showError,
    loadDevices,
    pairDevice,
    revokeDevice,
    bindDevice,
    loadSettings,
    saveSettings,
    uploadLogo,
    removeLogo,
    loadServices,
    saveService,
    loadCounters,
    saveCounter,
    loadUsers,
    createUser,
    updateUser,
    resetPassword,
    unlockUser,
    loadBackups,
    backupNow,
    loadWebhooks,
    loadApiKeys,
  };
});
