import { formatTicketNumber, numberWidth, wrappedNumber } from '@shared/ticket-number';

/** Numbering settings of a service. */
export interface NumberingRule {
  prefix: string;
  startNumber: number;
  endNumber: number;
  dailyMax: number;
}

/** The next ticket's ordinal of the day and its displayed number, or null when the daily maximum is reached. */
export function planNumber(rule: NumberingRule, issuedToday: number): { ordinal: number; number: string } | null {
  const ordinal = issuedToday + 1;
  if (ordinal > rule.dailyMax) return null;
  const value = wrappedNumber(rule.startNumber, rule.endNumber, ordinal);
  return { ordinal, number: formatTicketNumber(rule.prefix, value, numberWidth(rule.endNumber)) };
}
