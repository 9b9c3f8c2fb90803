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
