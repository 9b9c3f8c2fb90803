import { watch } from 'vue';
import { useI18n } from 'vue-i18n';

/** Keeps `<html lang>` on the app's language (screen readers, hyphenation, the right Vietnamese glyphs). */
export function useDocumentLanguage(): void {
  const { locale } = useI18n();
  watch(
    locale,
    (l) => {
      document.documentElement.lang = l;
    },
    { immediate: true },
  );
}
