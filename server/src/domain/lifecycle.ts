import type { TicketStatus } from '@shared/schemas/ticket';

/** Staff actions on a ticket and the statuses each may start from. */
export const ALLOWED_FROM = {
  call: ['waiting', 'parked'],
  recall: ['called'],
  start: ['called'],
  finish: ['called', 'serving'],
  no_show: ['called'],
  park: ['called', 'serving'],
  transfer: ['waiting', 'called', 'serving', 'parked'],
  reactivate: ['no_show'],
  cancel: ['waiting', 'called', 'parked'],
} as const satisfies Record<string, readonly TicketStatus[]>;

/** A staff action on a ticket. */
export type TicketAction = keyof typeof ALLOWED_FROM;

/** True when `action` may be applied to a ticket in `status`. */
export function canApply(action: TicketAction, status: TicketStatus): boolean {
  return (ALLOWED_FROM[action] as readonly TicketStatus[]).includes(status);
}
