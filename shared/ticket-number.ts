/** Digits used to display numbers of a service: at least 3, enough for its end number. */
export function numberWidth(endNumber: number): number {
  return Math.max(3, String(endNumber).length);
}

/** The number as shown and printed: prefix + zero-padded number, e.g. ("A", 12, 3) → "A012". */
export function formatTicketNumber(prefix: string, value: number, width: number): string {
  return `${prefix}${String(value).padStart(width, '0')}`;
}

/**
 * The value of the `ordinal`-th ticket of the day (1-based) in a range start..end that wraps back to start
 * once end is passed.
 */
export function wrappedNumber(startNumber: number, endNumber: number, ordinal: number): number {
  const span = endNumber - startNumber + 1;
  return startNumber + ((ordinal - 1) % span);
}
