import { onBeforeUnmount, onMounted, ref } from 'vue';

/** True while the screen is taller than wide (kiosk stands are often 1080×1920 portrait). */
export function usePortrait() {
  const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(orientation: portrait)') : null;
  const portrait = ref(query?.matches ?? false);
  const update = (e: MediaQueryListEvent): void => {
    portrait.value = e.matches;
  };
  onMounted(() => query?.addEventListener('change', update));
  onBeforeUnmount(() => query?.removeEventListener('change', update));
  return portrait;
}
