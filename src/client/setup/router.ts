import type { App } from 'vue';
import type { Pinia } from 'pinia';
import type { Router } from 'vue-router';
import { createAppRouter } from '../router';

/** The routes (src/client/router.ts) with their sign-in guard. */
export function installRouter(app: App, pinia: Pinia): Router {
  const router = createAppRouter(pinia);
  app.use(router);
  return router;
}
