import { onBeforeUnmount, onMounted } from 'vue';
import { DEFAULT_SCAN_TIMING } from '@shared/scan-detector';
import { isTypingTarget } from '@ui/typing-target';
import type { ConsoleAction } from '../stores/console';

/**
 * Keys of the console actions: single letters (Vietnamese mnemonics) that no browser binds without a
 * modifier. Matched by `KeyboardEvent.code`, so Caps Lock, Shift and a Vietnamese input method (Telex/VNI)
 * do not change them.
 */
export const SHORTCUTS: Record<ConsoleAction, { code: string; label: string }> = {
  callNext: { code: 'KeyG', label: 'G' }, // Gọi số tiếp theo
  recall: { code: 'KeyL', label: 'L' }, // gọi Lại
  start: { code: 'KeyB', label: 'B' }, // Bắt đầu phục vụ
  finish: { code: 'KeyH', label: 'H' }, // Hoàn thành
  noShow: { code: 'KeyV', label: 'V' }, // Vắng mặt
  park: { code: 'KeyT', label: 'T' }, // Tạm giữ
  transfer: { code: 'KeyC', label: 'C' }, // Chuyển
  callSpecific: { code: 'KeyS', label: 'S' }, // gọi Số cụ thể
};

export { isTypingTarget };

/**
 * A shortcut runs this long after its key, unless another key follows sooner: then the key was the first of a
 * scanner's burst (a scanned `https://…` starts with H, "Hoàn thành"), which the scanner listener takes from there.
 */
export const SHORTCUT_GUARD_MS = DEFAULT_SCAN_TIMING.maxGapMs;

/**
 * A keydown listener that runs the handler bound to the key's `code` (SHORTCUT_GUARD_MS later, see there), unless
 * the user is typing, a modifier is held, the key is auto-repeating, or `isBlocked()` (a dialog is open).
 */
export function createShortcutHandler(
  handlers: () => Partial<Record<string, () => void>>,
  isBlocked: () => boolean,
): (event: KeyboardEvent) => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  return (event) => {
    // Any key within the guard after a shortcut key cancels it: the two were a scanner's, not a person's.
    clearTimeout(pending);
    pending = undefined;
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isBlocked() || isTypingTarget(event.target)) return;
    const handler = handlers()[event.code];
    if (!handler) return;
    event.preventDefault();
    pending = setTimeout(() => {
      pending = undefined;
      if (!isBlocked()) handler();
    }, SHORTCUT_GUARD_MS);
  };
}

/** Page-wide shortcuts while the calling component is mounted. */
export function useShortcuts(handlers: () => Partial<Record<string, () => void>>, isBlocked: () => boolean): void {
  const listener = createShortcutHandler(handlers, isBlocked);
  onMounted(() => window.addEventListener('keydown', listener));
  onBeforeUnmount(() => window.removeEventListener('keydown', listener));
}
