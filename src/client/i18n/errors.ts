import { useI18n } from 'petite-vue-i18n';
import { useHasMessage } from './has-message';

// Codes are SCREAMING_SNAKE_CASE; anything else could be read as an i18n path, so it is UNKNOWN.
const CODE = /^[A-Z][A-Z0-9_]*$/;

/** The i18n key for an error code: `errors.<CODE>` when we have it, else `errors.UNKNOWN`. */
function errorMessageKey(code: string | null | undefined, has: (key: string) => boolean): string {
  const key = `errors.${code ?? ''}`;
  return code && CODE.test(code) && has(key) ? key : 'errors.UNKNOWN';
}

/** The resident's message for an error code. Never the server's own message text. */
export function useErrorMessage() {
  const { t } = useI18n();
  const hasMessage = useHasMessage();
  return (code: string | null | undefined): string => t(errorMessageKey(code, hasMessage));
}
