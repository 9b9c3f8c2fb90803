import { onBeforeUnmount, onMounted } from 'vue';

const block = (e: Event): void => e.preventDefault();
const blockMultiTouch = (e: TouchEvent): void => {
  if (e.touches.length > 1) e.preventDefault();
};
const blockCtrlZoom = (e: WheelEvent): void => {
  if (e.ctrlKey) e.preventDefault();
};

/** Public-touchscreen hardening: no context menu (long press), no pinch or ctrl-wheel zoom, no dragging. */
export function useKioskMode(): void {
  onMounted(() => {
    window.addEventListener('contextmenu', block);
    window.addEventListener('dragstart', block);
    window.addEventListener('gesturestart', block);
    window.addEventListener('touchmove', blockMultiTouch, { passive: false });
    window.addEventListener('wheel', blockCtrlZoom, { passive: false });
  });
  onBeforeUnmount(() => {
    window.removeEventListener('contextmenu', block);
    window.removeEventListener('dragstart', block);
    window.removeEventListener('gesturestart', block);
    window.removeEventListener('touchmove', blockMultiTouch);
    window.removeEventListener('wheel', blockCtrlZoom);
  });
}
