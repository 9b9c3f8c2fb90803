import { onBeforeUnmount, onMounted, ref } from 'vue';

/** A visible countdown of whole seconds from `seconds` to 0, then `onDone` once. */
export function useCountdown(seconds: number, onDone: () => void) {
  const left = ref(seconds);
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    timer = setInterval(() => {
      left.value -= 1;
      if (left.value <= 0) {
        clearInterval(timer);
        onDone();
      }
    }, 1000);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return left;
}
