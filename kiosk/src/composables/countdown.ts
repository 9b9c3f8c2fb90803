import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';

/**
 * A visible countdown of whole seconds from `seconds` to 0, then `onDone` once. While `paused` holds it stands still
 * (another time limit runs meanwhile); when it is released the count starts again from `seconds`.
 */
export function useCountdown(seconds: number, onDone: () => void, paused?: Ref<boolean>) {
  const left = ref(seconds);
  let timer: ReturnType<typeof setInterval> | undefined;
  if (paused) watch(paused, (now) => void (now || (left.value = seconds)));
  onMounted(() => {
    timer = setInterval(() => {
      if (paused?.value) return;
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
