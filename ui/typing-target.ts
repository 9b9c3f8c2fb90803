/** True when a key press belongs to a text field the user is typing in (not a read-only one). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const field = el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
  if (!field) return false;
  // A read-only box (the kiosk's, typed on its on-screen keyboard) keeps no key typed into it.
  if (field instanceof HTMLInputElement) return !field.readOnly && !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(field.type);
  return true;
}
