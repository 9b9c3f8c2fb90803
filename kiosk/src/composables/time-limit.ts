import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/** The last seconds of a time limit are counted down on screen with a way to extend it (WCAG 2.2.1). */
export const WARNING_SECONDS = 10;

/**
 * A time limit of `limitSeconds` (null: none, as on home) that any touch or key press restarts. For its last
 * WARNING_SECONDS, `left` holds the whole seconds remaining (null before) so the screen can count down and offer
 * `extend`; at 0, `onExpire` runs once. A new limit (another screen) starts afresh.
 */
export function useTimeLimit(limitSeconds: Ref<number | null>, onExpire: () => void) {
  const left = ref<number | null>(null);
  let deadline = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  function stop(): void {
    clearInterval(timer);
    timer = undefined;
    left.value = null;
  }

  function tick(): void {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      stop();
      onExpire();
      return;
    }
    const seconds = Math.ceil(remaining / 1000);
    left.value = seconds <= WARNING_SECONDS ? seconds : null;
  }

  /** Restarts the limit from now (the ticks stay on whole seconds of it, so the count reads 10, 9, … 1). */
  function extend(): void {
    stop();
    const limit = limitSeconds.value;
    if (limit === null) return;
    deadline = Date.now() + limit * 1000;
    timer = setInterval(tick, 1000);
  }

  // While the countdown shows, a touch belongs to it (it covers the screen and extends on its click): restarting
  // here, on pointerdown, would remove it before the click, which would then land on the screen underneath.
  const onActivity = (): void => {
    if (limitSeconds.value !== null && left.value === null) extend();
  };
  watch(limitSeconds, extend);
  onMounted(() => {
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true });
    extend();
  });
  onBeforeUnmount(() => {
    stop();
    for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
  });
  return { left, extend };
}
