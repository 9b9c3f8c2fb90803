import { onBeforeUnmount, onMounted } from 'vue';
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

/** True when a key press belongs to a text field the user is typing in. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const field = el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
  if (!field) return false;
  if (field instanceof HTMLInputElement) return !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(field.type);
  return true;
}

/**
 * A keydown listener that runs the handler bound to the key's `code`, unless the user is typing, a modifier
 * is held, the key is auto-repeating, or `isBlocked()` (a dialog is open).
 */
export function createShortcutHandler(
  handlers: () => Partial<Record<string, () => void>>,
  isBlocked: () => boolean,
): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isBlocked() || isTypingTarget(event.target)) return;
    const handler = handlers()[event.code];
    if (!handler) return;
    event.preventDefault();
    handler();
  };
}

/** Page-wide shortcuts while the calling component is mounted. */
export function useShortcuts(handlers: () => Partial<Record<string, () => void>>, isBlocked: () => boolean): void {
  const listener = createShortcutHandler(handlers, isBlocked);
  onMounted(() => window.addEventListener('keydown', listener));
  onBeforeUnmount(() => window.removeEventListener('keydown', listener));
}
