import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart'] as const;

/**
 * Calls `onIdle` after `timeoutMs` without a touch or key press while `active` is true (any screen but home),
 * so a kiosk left on the priority or error screen returns to the start by itself.
 */
export function useIdle(active: Ref<boolean>, onIdle: () => void, timeoutMs = 30_000): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = active.value ? setTimeout(onIdle, timeoutMs) : undefined;
  };
  watch(active, arm);
  onMounted(() => {
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, arm, { passive: true });
    arm();
  });
  onBeforeUnmount(() => {
    clearTimeout(timer);
    for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, arm);
  });
}
