import type { App } from 'vue';
import { createAppI18n } from '../i18n';

/**
 * vue-i18n in composition mode; the device's language choice and <html lang dir>.
 * `ready` settles when the chosen language's messages are there (mount after it, so a resident
 * who chose English never sees a flash of Dutch).
 */
export function installI18n(app: App) {
  const { i18n, ready } = createAppI18n();
  app.use(i18n);
  return { i18n, ready };
}
