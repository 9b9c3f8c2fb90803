import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { ErrorCode } from '@shared/errors';
import { DEFAULT_DISPLAY, type DisplayInput } from '@shared/schemas/display';
import { errorCodeOf, request } from '@ui/api';
import type { HubSocket } from '@ui/socket';

/** The display id of a `?id=2` query; null when absent or unreadable (the default configuration is used). */
export function parseDisplayId(search: string): number | null {
  const raw = new URLSearchParams(search).get('id');
  const id = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * This TV's configuration, picked by the id in its URL (`/display/?id=2`): loaded on every (re)connect and
 * replaced at once when an admin saves it. Without an id, or while the hub is unreachable, the last known (or
 * default) configuration stays in use, so a network blip never blanks the screen.
 */
export const useDisplayConfigStore = defineStore('displayConfig', () => {
  const id = ref<number | null>(typeof location === 'undefined' ? null : parseDisplayId(location.search));
  const config = shallowRef<DisplayInput>({ ...DEFAULT_DISPLAY });
  /** The id in the URL names no configuration (the admin deleted it or mistyped the address). */
  const missing = ref(false);
  let socket: HubSocket | null = null;

  async function load(): Promise<void> {
    if (id.value === null) return;
    try {
      config.value = await request<DisplayInput>('GET', `/api/displays/${id.value}`);
      missing.value = false;
    } catch (error) {
      if (errorCodeOf(error) === ErrorCode.NOT_FOUND) {
        config.value = { ...DEFAULT_DISPLAY };
        missing.value = true;
      } else console.warn('display: configuration not reloaded, keeping the last one', error);
    }
  }

  /** Binds the configuration pushes (once). */
  function bind(s: HubSocket): void {
    if (socket === s) return;
    socket = s;
    s.on('connect', () => void load());
    s.on('display:updated', ({ display }) => {
      if (display.id !== id.value) return;
      config.value = display;
      missing.value = false;
    });
    s.on('display:removed', ({ id: removed }) => {
      if (removed !== id.value) return;
      config.value = { ...DEFAULT_DISPLAY };
      missing.value = true;
    });
  }

  return { id, config, missing, load, bind };
});
