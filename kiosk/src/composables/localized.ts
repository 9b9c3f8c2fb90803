import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ServiceSummary } from '@shared/schemas/service';

/** Service and field texts in the kiosk's current language (Vietnamese unless the citizen switched to English). */
export function useLocalized() {
  const { locale } = useI18n();
  const en = computed(() => locale.value === 'en');
  const localName = (s: { nameVi: string; nameEn: string }): string => (en.value && s.nameEn ? s.nameEn : s.nameVi);
  return {
    localName,
    serviceName: localName,
    groupName: (s: Pick<ServiceSummary, 'groupVi' | 'groupEn'>): string => (en.value && s.groupEn ? s.groupEn : s.groupVi),
  };
}
