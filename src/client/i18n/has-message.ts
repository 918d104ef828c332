/**
 * `te()` of vue-i18n, which petite-vue-i18n (issue 16: the smaller runtime) leaves out: whether
 * the current language has a message for a key, to choose between a specific text (an error
 * code's) and a general one. Like vue-i18n's, it looks in the current language only, so a
 * specific text still missing from a translation gives that language's general text, never a
 * Dutch sentence inside an English page.
 */
import { useI18n } from 'petite-vue-i18n';
import { catalogueHas } from './message-node';

export function useHasMessage(): (key: string) => boolean {
  const { locale, getLocaleMessage } = useI18n({ useScope: 'global' });
  return (key) => catalogueHas(getLocaleMessage(locale.value), key);
}
