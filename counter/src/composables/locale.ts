import { useI18n } from 'vue-i18n';
import { saveLocale, type Locale } from '@ui/i18n';

/** Switches between Vietnamese and English and remembers the choice. */
export function useLocaleToggle() {
  const { locale } = useI18n();
  return (): void => {
    const next: Locale = locale.value === 'vi' ? 'en' : 'vi';
    locale.value = next;
    saveLocale(next);
  };
}
