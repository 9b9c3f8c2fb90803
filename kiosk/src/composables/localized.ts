import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ServiceSummary } from '@shared/schemas/service';

/** Service texts in the kiosk's current language (Vietnamese unless the citizen switched to English). */
export function useLocalized() {
  const { locale } = useI18n();
  const en = computed(() => locale.value === 'en');
  return {
    serviceName: (s: Pick<ServiceSummary, 'nameVi' | 'nameEn'>): string => (en.value && s.nameEn ? s.nameEn : s.nameVi),
    groupName: (s: Pick<ServiceSummary, 'groupVi' | 'groupEn'>): string => (en.value && s.groupEn ? s.groupEn : s.groupVi),
  };
}
