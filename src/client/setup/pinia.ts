import type { App } from 'vue';
import { createPinia, type Pinia } from 'pinia';
import { resetPlugin } from '../stores/reset';

/** Pinia, with the plugin that lets a session's end reset every store. */
export function installPinia(app: App): Pinia {
  const pinia = createPinia();
  pinia.use(resetPlugin);
  app.use(pinia);
  return pinia;
}
