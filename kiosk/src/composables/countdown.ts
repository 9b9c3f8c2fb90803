import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue';

/**
 * A visible countdown of whole seconds from `seconds` to 0, then `onDone` once. While `paused` holds it stands still
 * (another time limit runs meanwhile); when it is released the count starts again from `seconds`. `restart` gives
 * the full time again: the screen calls it on a touch, so someone still reading is never sent away (WCAG 2.2.1).
 */
export function useCountdown(seconds: number, onDone: () => void, paused?: Ref<boolean>) {
  const left = ref(seconds);
  let timer: ReturnType<typeof setInterval> | undefined;
  let done = false;
  if (paused) watch(paused, (now) => void (now || (left.value = seconds)));
  onMounted(() => {
    timer = setInterval(() => {
      if (paused?.value) return;
      left.value -= 1;
      if (left.value <= 0) {
        clearInterval(timer);
        done = true;
        onDone();
      }
    }, 1000);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return {
    left,
    restart: (): void => {
      if (!done) left.value = seconds;
    },
  };
}
