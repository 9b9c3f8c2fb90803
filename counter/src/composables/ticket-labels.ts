import { useI18n } from 'vue-i18n';
import type { PriorityGroup } from '@shared/priority';
import type { Ticket } from '@shared/schemas/ticket';
import { useQueueStore } from '@ui/stores/queue';

/** Localised names a ticket row needs: its service and its priority group (with the office's elderly age). */
export function useTicketLabels() {
  const { t, locale } = useI18n();
  const queue = useQueueStore();

  function serviceName(ticket: Pick<Ticket, 'serviceId'>): string {
    const s = queue.serviceById.get(ticket.serviceId);
    if (!s) return '';
    return locale.value === 'en' ? s.nameEn : s.nameVi;
  }

  function priorityName(group: PriorityGroup | null): string {
    return group ? t(`priority.${group}`, { age: queue.office?.elderlyAge ?? 60 }) : '';
  }

  return { serviceName, priorityName };
}
