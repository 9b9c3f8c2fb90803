import type { Static } from '@sinclair/typebox';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { DeviceKind } from '@shared/access';
import { ErrorCode } from '@shared/errors';
import type { Device, DeviceSelf, PairingRequest, PairingStatusSchema } from '@shared/schemas/device';
import { ApiError, request } from '../api';

type PairingStatus = Static<typeof PairingStatusSchema>;

/** How often a screen showing a code asks the hub whether an admin entered it. */
export const PAIRING_POLL_MS = 2000;
/** Wait before asking again when the hub could not be reached. */
export const RETRY_MS = 5000;
/** How long "paired" stays on screen before the normal app shows. */
export const WELCOME_MS = 3000;
/** The hub's codes live 10 minutes; a countdown never shows more, whatever this device's clock says. */
const CODE_LIFETIME_MAX_MS = 10 * 60_000;

/**
 * Where the screen stands: `checking` (asking the hub what this browser is; the normal app shows, still offline),
 * `pairing` (showing a code), `welcome` (just paired), `ready` (paired, or open LAN for a kiosk or display: the app runs).
 */
export type DevicePhase = 'checking' | 'pairing' | 'welcome' | 'ready';

/** What the store needs of the screen's socket (the real HubSocket, a fake in tests). */
export interface DeviceSocket {
  readonly active: boolean;
  connect(): unknown;
  disconnect(): unknown;
  on(event: 'connect_error', listener: (err: Error) => void): unknown;
  on(event: 'disconnect', listener: (reason: string) => void): unknown;
}

/** Handshake refusals that mean "this browser is not a paired device of this kind". */
const NOT_PAIRED: readonly string[] = [ErrorCode.DEVICE_NOT_PAIRED, ErrorCode.FORBIDDEN];

/**
 * The pairing of a public screen (kiosk, display, rating tablet). Owns when the screen's socket connects: only
 * once the hub accepts the browser (paired device of this kind, or open LAN), so an unpaired screen does not
 * knock on the hub; a refusal later (device revoked, pairing switched on) brings the pairing screen back.
 */
export const useDeviceStore = defineStore('device', () => {
  const kind = ref<DeviceKind>('kiosk');
  const phase = ref<DevicePhase>('checking');
  const device = shallowRef<Device | null>(null);
  const openLan = ref(false);
  const pairing = shallowRef<PairingRequest | null>(null);
  /** This device's clock (ms) when the shown code stops being valid; drives the countdown only. */
  const deadline = ref(0);
  /** False while the hub cannot be reached (the screen says it keeps trying). */
  const reachable = ref(true);
  let socket: DeviceSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const showPairing = computed(() => phase.value === 'pairing' || phase.value === 'welcome');

  function schedule(fn: () => unknown, ms: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void fn(), ms);
  }

  function noteFailure(error: unknown): void {
    reachable.value = error instanceof ApiError && error.code !== ErrorCode.INTERNAL_ERROR;
    if (!reachable.value) console.warn('hub unreachable', error);
  }

  /** A rating tablet is always paired (it receives tracking ids); kiosks and displays need not be in open LAN mode. */
  function accepts(self: DeviceSelf): boolean {
    return self.device ? self.device.kind === kind.value && !self.device.revoked : self.openLan && kind.value !== 'rating';
  }

  function becomeReady(): void {
    clearTimeout(timer);
    pairing.value = null;
    phase.value = 'ready';
    socket?.connect();
  }

  /** Asks the hub what this browser counts as; runs the app or shows a code. */
  async function check(): Promise<void> {
    phase.value = 'checking';
    try {
      const self = await request<DeviceSelf>('GET', '/api/devices/me');
      reachable.value = true;
      device.value = self.device;
      openLan.value = self.openLan;
      if (accepts(self)) becomeReady();
      else await requestCode();
    } catch (error) {
      noteFailure(error);
      schedule(check, RETRY_MS);
    }
  }

  /** Gets a (new) code to show, then polls it. */
  async function requestCode(): Promise<void> {
    phase.value = 'pairing';
    try {
      const p = await request<PairingRequest>('POST', '/api/devices/pairing', { kind: kind.value });
      reachable.value = true;
      const now = Date.now();
      const left = Date.parse(p.expiresAt) - now;
      deadline.value = now + (left > 0 && left <= CODE_LIFETIME_MAX_MS ? left : CODE_LIFETIME_MAX_MS);
      pairing.value = p;
      schedule(poll, PAIRING_POLL_MS);
    } catch (error) {
      noteFailure(error);
      pairing.value = null;
      schedule(requestCode, RETRY_MS);
    }
  }

  async function poll(): Promise<void> {
    const asked = pairing.value;
    if (!asked || phase.value !== 'pairing') return;
    try {
      const reply = await request<PairingStatus>('GET', `/api/devices/pairing/${encodeURIComponent(asked.pairingId)}`);
      reachable.value = true;
      if (pairing.value !== asked || phase.value !== 'pairing') return;
      if (reply.status === 'paired') welcome(reply.device ?? null);
      else if (reply.status === 'expired') await requestCode();
      else schedule(poll, PAIRING_POLL_MS);
    } catch (error) {
      noteFailure(error);
      schedule(reachable.value ? requestCode : poll, reachable.value ? RETRY_MS : PAIRING_POLL_MS);
    }
  }

  /** The hub set the device cookie: say so, connect with it (the snapshot reloads on connect), then run the app. */
  function welcome(paired: Device | null): void {
    device.value = paired;
    pairing.value = null;
    phase.value = 'welcome';
    socket?.connect();
    schedule(() => {
      phase.value = 'ready';
    }, WELCOME_MS);
  }

  /** The hub refused this screen as unpaired (device revoked, pairing switched on): back to showing a code. */
  function lost(): void {
    if (phase.value === 'pairing') return;
    socket?.disconnect();
    device.value = null;
    void requestCode();
  }

  /** Starts the screen as a device of `kind`; `s` (created with autoConnect off) connects once the hub accepts it. */
  function start(k: DeviceKind, s?: DeviceSocket): Promise<void> {
    kind.value = k;
    if (s && s !== socket) {
      socket = s;
      s.on('connect_error', (err) => {
        if (s.active) return; // a network error: socket.io keeps reconnecting by itself
        if (NOT_PAIRED.includes(err.message)) return lost();
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => s.connect(), RETRY_MS);
      });
      s.on('disconnect', (reason) => {
        // A revocation closes the device's sockets; reconnecting lets the handshake say why.
        if (reason === 'io server disconnect' && phase.value !== 'pairing') s.connect();
      });
    }
    return check();
  }

  /** Stops the timers (tests, unmount). */
  function stop(): void {
    clearTimeout(timer);
    clearTimeout(retryTimer);
  }

  return { kind, phase, device, openLan, pairing, deadline, reachable, showPairing, start, check, requestCode, poll, lost, stop };
});
