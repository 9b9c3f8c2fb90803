import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ErrorCode } from '@shared/errors';
import type { Me } from '@shared/schemas/auth';
import type { CounterState } from '@shared/schemas/counter';
import type { ServiceSummary } from '@shared/schemas/service';
import { errorCodeOf, request } from '@ui/api';
import { startCounterHub, stopCounterHub } from '../socket';

/** localStorage key of the counter this browser opened last (preselected in the picker). */
export const LAST_COUNTER_KEY = 'motcua.counter.last';

function readLastCounter(): number | null {
  const raw = typeof localStorage !== 'undefined' ? localStorage.getItem(LAST_COUNTER_KEY) : null;
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/**
 * The staff session: who is signed in, which counter this console works at. Owns the socket's lifetime:
 * connected only once a counter is open, disconnected on close or sign-out. An account that must choose a new
 * password is held in `passwordChangeFor` and `me` stays null until it has (the hub refuses everything else
 * meanwhile), so no screen past sign-in shows before the password is changed.
 */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  /** Signed in, but a new password must be chosen first (seeded or reset account). */
  const passwordChangeFor = ref<Me | null>(null);
  /** False until GET /api/auth/me answered (avoids flashing the sign-in form on reload). */
  const checked = ref(false);
  const counters = ref<CounterState[]>([]);
  /** Service names for the counter picker (the live queue store is only connected once a counter is open). */
  const services = ref<ServiceSummary[]>([]);
  const countersLoading = ref(false);
  const lastCounterId = ref<number | null>(readLastCounter());
  const pending = ref(false);
  /** Error of the last sign-in / counter command, shown by the screen that issued it. */
  const errorCode = ref<ErrorCode | null>(null);

  const counterId = computed(() => me.value?.counterId ?? null);

  function enterCounter(id: number): void {
    if (me.value) me.value = { ...me.value, counterId: id };
    lastCounterId.value = id;
    localStorage.setItem(LAST_COUNTER_KEY, String(id));
    startCounterHub(id, handleLostSession);
  }

  /** Takes the hub's view of the signed-in account: straight to work, or to the password change first. */
  function adopt(account: Me): void {
    if (account.mustChangePassword) {
      passwordChangeFor.value = account;
      me.value = null;
      return;
    }
    passwordChangeFor.value = null;
    me.value = account;
    if (account.counterId !== null) enterCounter(account.counterId);
  }

  function forget(): void {
    me.value = null;
    passwordChangeFor.value = null;
    counters.value = [];
  }

  /** Resumes a session kept by the cookie; reconnects straight to its open counter. */
  async function resume(): Promise<void> {
    try {
      adopt(await request<Me>('GET', '/api/auth/me'));
    } catch (error) {
      if (errorCodeOf(error) !== ErrorCode.UNAUTHENTICATED) errorCode.value = errorCodeOf(error);
      forget();
    } finally {
      checked.value = true;
    }
  }

  async function guarded(fn: () => Promise<void>): Promise<boolean> {
    pending.value = true;
    errorCode.value = null;
    try {
      await fn();
      return true;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
      return false;
    } finally {
      pending.value = false;
    }
  }

  function login(username: string, password: string): Promise<boolean> {
    return guarded(async () => {
      adopt(await request<Me>('POST', '/api/auth/login', { username, password }));
    });
  }

  /** Chooses a new password (the hub signs out the account's other sessions), then goes on to work. */
  function changePassword(currentPassword: string, newPassword: string): Promise<boolean> {
    return guarded(async () => {
      adopt(await request<Me>('POST', '/api/auth/password', { currentPassword, newPassword }));
    });
  }

  async function loadCounters(): Promise<void> {
    countersLoading.value = true;
    try {
      const [list, svc] = await Promise.all([
        request<CounterState[]>('GET', '/api/counters'),
        request<ServiceSummary[]>('GET', '/api/services'),
      ]);
      counters.value = [...list].sort((a, b) => a.number - b.number);
      services.value = svc;
    } catch (error) {
      errorCode.value = errorCodeOf(error);
    } finally {
      countersLoading.value = false;
    }
  }

  function openCounter(id: number): Promise<boolean> {
    return guarded(async () => {
      await request<{ counter: CounterState }>('POST', `/api/counters/${id}/open`);
      enterCounter(id);
    });
  }

  function closeCounter(): Promise<boolean> {
    const id = counterId.value;
    if (id === null) return Promise.resolve(true);
    return guarded(async () => {
      await request<{ counter: CounterState }>('POST', `/api/counters/${id}/close`);
      stopCounterHub();
      if (me.value) me.value = { ...me.value, counterId: null };
      await loadCounters();
    });
  }

  /** Closes the counter held (so it does not stay "taken" by nobody), then ends the session through `path`. */
  function signOut(path: '/api/auth/logout' | '/api/auth/logout-all'): Promise<boolean> {
    return guarded(async () => {
      const id = counterId.value;
      if (id !== null) {
        try {
          await request('POST', `/api/counters/${id}/close`);
        } catch (error) {
          // Someone else already freed or took the counter: signing out must still work.
          if (errorCodeOf(error) !== ErrorCode.NOT_AT_COUNTER) throw error;
        }
      }
      stopCounterHub();
      await request('POST', path);
      forget();
    });
  }

  /** Signs out of this console. */
  const logout = () => signOut('/api/auth/logout');
  /** Signs this account out on every computer (a forgotten session elsewhere, a suspected leak). */
  const logoutEverywhere = () => signOut('/api/auth/logout-all');

  /** The hub says this console is no longer signed in or at its counter: back to the right screen. */
  function handleLostSession(code: ErrorCode): void {
    if (code === ErrorCode.UNAUTHENTICATED) {
      stopCounterHub();
      forget();
    } else if (code === ErrorCode.PASSWORD_CHANGE_REQUIRED) {
      stopCounterHub();
      void resume();
    } else if (code === ErrorCode.NOT_AT_COUNTER) {
      stopCounterHub();
      if (me.value) me.value = { ...me.value, counterId: null };
      void loadCounters();
    }
    errorCode.value = code;
  }

  function clearError(): void {
    errorCode.value = null;
  }

  return {
    me,
    passwordChangeFor,
    checked,
    counters,
    services,
    countersLoading,
    lastCounterId,
    pending,
    errorCode,
    counterId,
    resume,
    login,
    changePassword,
    loadCounters,
    openCounter,
    closeCounter,
    logout,
    logoutEverywhere,
    handleLostSession,
    clearError,
  };
});
