import { onBeforeUnmount, onMounted, ref } from 'vue';

/** A reactive "now" ticking every `intervalMs`, from a clock source (the hub-corrected clock by default Date). */
export function useClock(source: () => Date = () => new Date(), intervalMs = 1000) {
  const now = ref(source());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    timer = setInterval(() => {
      now.value = source();
    }, intervalMs);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
