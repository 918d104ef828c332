import { useI18n } from 'petite-vue-i18n';
import type { LocalizedText } from '../../domain/api';

/** Picks the current language from a text the API sends in every language (Dutch always there). */
export function useLocalized() {
  const { locale } = useI18n();
  return (text: LocalizedText): string => {
    const value = (text as Record<string, string | undefined>)[locale.value];
    return value && value.trim() !== '' ? value : text.nl;
  };
}
