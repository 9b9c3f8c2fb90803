import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, type DisplayConfig } from '@shared/schemas/display';
import type { HubSocket } from '@ui/socket';
import { parseDisplayId, useDisplayConfigStore } from './display-config';

/** A socket stand-in that records listeners and lets the test fire pushes. */
function fakeSocket() {
  const listeners = new Map<string, (payload: never) => void>();
  const socket = { on: (event: string, fn: (payload: never) => void) => listeners.set(event, fn) } as unknown as HubSocket;
  return { socket, fire: (event: string, payload: unknown) => listeners.get(event)?.(payload as never) };
}

const config = (over: Partial<DisplayConfig>): DisplayConfig => ({ ...DEFAULT_DISPLAY, id: 2, updatedAt: '2026-11-23T02:00:00.000Z', ...over });

describe('display configuration', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it.each([
    ['?id=2', 2],
    ['?id=02&counters=1', 2],
    ['', null],
    ['?id=0', null],
    ['?id=abc', null],
    ['?id=1.5', null],
  ])('reads the display id of %s', (search, id) => {
    expect(parseDisplayId(search)).toBe(id);
  });

  it('applies a saved configuration for its own id only, and falls back to the default when deleted', () => {
    const store = useDisplayConfigStore();
    store.id = 2;
    const { socket, fire } = fakeSocket();
    store.bind(socket);
    fire('display:updated', { display: config({ id: 3, name: 'Khác', layout: 'counter', counterIds: [1] }) });
    expect(store.config.layout).toBe('main');
    fire('display:updated', { display: config({ name: 'Tầng 2', layout: 'area', counterIds: [4, 5] }) });
    expect(store.config).toMatchObject({ name: 'Tầng 2', layout: 'area', counterIds: [4, 5] });
    fire('display:removed', { id: 3 });
    expect(store.config.name).toBe('Tầng 2');
    fire('display:removed', { id: 2 });
    expect(store.config).toEqual(DEFAULT_DISPLAY);
    expect(store.missing).toBe(true);
  });
});
