import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ErrorCode } from '@shared/errors';
import { bookingCodeInLink } from '@shared/booking-code';
import { parseIdCardQr } from '@shared/id-card';
import type { PriorityGroup } from '@shared/priority';
import type { IssueTicketBody, IssuedTicket } from '@shared/schemas/ticket';
import { ApiError, request } from '@ui/api';
import { useDeviceStore } from '@ui/stores/device';
import { useQueueStore } from '@ui/stores/queue';
import { useDossierLookupStore } from '../components/dossier/dossier-lookup';
import { useTicketSmsStore } from '../components/ticket/ticket-sms';
import { useIdentityStore } from './identity';
import { useLookupStore } from './lookup';

/** Screens of the issue flow: service → priority choice → ticket (or an error); or the procedure or dossier lookup. */
export type KioskStep = 'home' | 'lookup' | 'dossier' | 'appointment' | 'priority' | 'ticket' | 'error';

/** Why a ticket was not issued: the hub's code, or NETWORK when the hub could not be reached. */
export type IssueFailure = ErrorCode | 'NETWORK';

/**
 * The kiosk's issue flow. A ticket is shown only after the hub confirmed it (201); while the request runs
 * `pending` is true and further taps are ignored, so a citizen never gets two tickets for one tap.
 */
export const useKioskStore = defineStore('kiosk', () => {
  const queue = useQueueStore();
  const device = useDeviceStore();
  const lookup = useLookupStore();
  const dossierLookup = useDossierLookupStore();
  const identity = useIdentityStore();
  const ticketSms = useTicketSmsStore();
  const step = ref<KioskStep>('home');
  /** A booking code read by a scanner, for the check-in screen to take (and clear) as it opens. */
  const scannedBooking = ref<string | null>(null);
  const serviceId = ref<number | null>(null);
  const pending = ref(false);
  const ticket = shallowRef<IssuedTicket | null>(null);
  const failure = ref<IssueFailure | null>(null);
  /** Where "Back" on the priority step leads: home, or the procedure the citizen was reading. */
  const cameFrom = ref<'home' | 'lookup'>('home');

  const service = computed(() => (serviceId.value === null ? null : (queue.serviceById.get(serviceId.value) ?? null)));
  /** Tickets may be requested only when the hub is reachable and the office issues now. */
  const canIssue = computed(() => queue.connected && queue.office?.issuingOpen === true);

  /** A ticket can be taken for this service now: the hub is reachable, it issues, and the service has numbers left. */
  function canIssueFor(id: number): boolean {
    const s = queue.serviceById.get(id);
    return canIssue.value && s !== undefined && s.remainingToday > 0;
  }

  /** First tap: a service tile on home, or "take a ticket for this procedure" in the lookup. */
  function chooseService(id: number): void {
    if ((step.value !== 'home' && step.value !== 'lookup') || pending.value || !canIssueFor(id)) return;
    cameFrom.value = step.value;
    serviceId.value = id;
    step.value = 'priority';
  }

  /** Opens the procedure lookup from home. */
  function openLookup(): void {
    if (step.value !== 'home' || pending.value) return;
    step.value = 'lookup';
    void lookup.start();
  }

  /** Opens the dossier status lookup ("Tra cứu hồ sơ") from home. */
  function openDossierLookup(): void {
    if (step.value !== 'home' || pending.value) return;
    dossierLookup.reset();
    step.value = 'dossier';
    if (identity.card) void identity.loadDossiers();
  }

  /**
   * A scanner or camera read `payload` anywhere on the kiosk. An ID card becomes the citizen of the next ticket (after
   * a ticket or error screen, a new visit); on "Tra cứu hồ sơ" it lists their open dossiers. Anything else is refused
   * with a notice and changes nothing.
   */
  function scan(payload: string): void {
    if (pending.value) return;
    // A booking's QR (its confirmation link) scanned anywhere opens "Có lịch hẹn" with its code, checked in at once.
    const booking = parseIdCardQr(payload).ok ? '' : bookingCodeInLink(payload);
    if (booking) {
      reset();
      scannedBooking.value = booking;
      openAppointment();
      return;
    }
    if ((step.value === 'ticket' || step.value === 'error') && parseIdCardQr(payload).ok) reset();
    if (!identity.scanned(payload)) return;
    if (step.value === 'dossier') void identity.loadDossiers();
  }

  /** Opens "Có lịch hẹn" (the booking code) from home, or from the priority step's appointment group. */
  function openAppointment(): void {
    if ((step.value !== 'home' && step.value !== 'priority') || pending.value) return;
    serviceId.value = null;
    step.value = 'appointment';
  }

  /** A ticket the hub committed by another way than `issue` (an appointment check-in): shown like any ticket. */
  function showTicket(issued: IssuedTicket): void {
    if (step.value !== 'appointment') return;
    ticket.value = issued;
    failure.value = null;
    step.value = 'ticket';
  }

  function back(): void {
    if (pending.value) return;
    if (step.value === 'priority' && cameFrom.value === 'lookup') {
      serviceId.value = null;
      cameFrom.value = 'home';
      step.value = 'lookup';
      return;
    }
    if (step.value === 'priority' && identity.card) {
      // The same citizen choosing another service: the scan stays (home's time limit still forgets it).
      serviceId.value = null;
      step.value = 'home';
      return;
    }
    reset();
  }

  /** Asks the hub for a ticket; `priorityGroup` null for a normal ticket. */
  async function issue(priorityGroup: PriorityGroup | null): Promise<void> {
    if (step.value !== 'priority' || pending.value || serviceId.value === null || !canIssue.value) return;
    pending.value = true;
    const body: IssueTicketBody = { serviceId: serviceId.value };
    if (priorityGroup) body.priorityGroup = priorityGroup;
    if (identity.forTicket) body.identity = identity.forTicket;
    try {
      ticket.value = await request<IssuedTicket>('POST', '/api/tickets', body);
      failure.value = null;
      step.value = 'ticket';
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCode.DEVICE_NOT_PAIRED) {
        // Revoked, or the office switched pairing on: the pairing screen replaces the issue flow.
        reset();
        device.lost();
        return;
      }
      ticket.value = null;
      failure.value = error instanceof ApiError ? error.code : 'NETWORK';
      step.value = 'error';
    } finally {
      pending.value = false;
    }
  }

  /** Back to the service list, forgetting the ticket on screen (and a phone number typed for it), anything looked up and the scanned citizen. */
  function reset(): void {
    identity.forget();
    ticketSms.forget();
    lookup.reset();
    dossierLookup.reset();
    cameFrom.value = 'home';
    step.value = 'home';
    serviceId.value = null;
    ticket.value = null;
    failure.value = null;
  }

  return {
    step,
    serviceId,
    service,
    pending,
    ticket,
    failure,
    canIssue,
    canIssueFor,
    chooseService,
    openLookup,
    openDossierLookup,
    openAppointment,
    showTicket,
    scan,
    scannedBooking,
    back,
    issue,
    reset,
  };
});
