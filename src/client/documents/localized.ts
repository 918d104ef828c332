import { useI18n } from 'petite-vue-i18n';
import type { LocalizedText } from '../../domain/api';

/**
 * src/client/i18n/localized.ts's rule (the current language, else Dutch), repeated for the
 * documents chunk: importing that module here too would split it out of the applications
 * pages' chunk into one of its own, a request and ~0.1 KiB more on their first load.
 */
export function useLocalizedText() {
  const { locale } = useI18n();
  return (text: LocalizedText): string => {
    const value = (text as Record<string, string | undefined>)[locale.value];
    return value && value.trim() !== '' ? value : text.nl;
  };
}
