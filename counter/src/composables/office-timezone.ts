import { computed } from 'vue';
import { useQueueStore } from '@ui/stores/queue';
import { useAdminStore } from '../stores/admin';

/** The office time zone for showing dates: from the settings (admin) or the live snapshot, else Vietnam's. */
export function useOfficeTimezone() {
  const admin = useAdminStore();
  const queue = useQueueStore();
  return computed(() => admin.settings?.timezone ?? queue.timezone);
}
