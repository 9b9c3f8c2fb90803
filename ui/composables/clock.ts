import { onBeforeUnmount, onMounted, ref } from 'vue';

/**
 * A reactive "now" from a clock source (the hub-corrected clock by default Date), ticking on the boundaries of
 * `intervalMs` of that clock (a minute clock turns exactly when the minute does, never up to a tick late).
 */
export function useClock(source: () => Date = () => new Date(), intervalMs = 1000) {
  const now = ref(source());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    const t = source().getTime();
    // A tick that fires a hair early sees the remainder of the same interval and simply ticks again at the boundary.
    timer = setTimeout(tick, intervalMs - (t % intervalMs));
  };
  const tick = (): void => {
    now.value = source();
    schedule();
  };
  onMounted(schedule);
  onBeforeUnmount(() => clearTimeout(timer));
  return now;
}
