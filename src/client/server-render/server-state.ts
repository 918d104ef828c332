/**
 * The browser's side of a page the server rendered (src/server/server-render/first-screen.ts):
 * the stores start from the state the server rendered with, so the app's first render is the
 * same page, and the app takes it over (hydration, main.ts): Vue walks the server's elements and
 * attaches to them instead of drawing the page again.
 *
 * Hydrated since issue 16's seventh round. Drawing the page again had been chosen to keep Vue's
 * hydration code (2.0 KiB gzip) out of every first load; measured at a 4x slower processor,
 * hydrating takes the mount from 71 to 40 ms on the list and from 98 to 45 ms on an application,
 * which is most of what Lighthouse counts as blocking time after the first paint, and it keeps
 * what the resident already sees (focus, scroll, the elements themselves). The price: Vue's
 * production build repairs a different element or text but leaves a different attribute as
 * the server wrote it, so the first render must equal the server's exactly; hydration.test.ts
 * renders each rendered page as the server does and hydrates it with Vue's development build,
 * which reports every difference.
 */
import type { PiniaPlugin, StateTree } from 'pinia';
import { modeOf } from '../../domain/device-mode';
import { deviceSetting } from '../stores/device';
import { STATE_ELEMENT_ID, type ServerRenderedState } from './state-element';

/**
 * Whether the app's first render here is the one the server made, so the app may take the page
 * over (hydrate) rather than draw it again. The server renders for a personal device with a
 * network; it cannot know a kiosk (the setting is in this browser's storage), whose header says
 * "Stop en wis" in a primary button where the server wrote "Uitloggen", nor a browser that
 * says it is offline. There the page is drawn again, in one task, as before hydration: Vue would
 * repair the words but leave the server's attributes (the button's look).
 */
export function firstRenderIsTheServers(): boolean {
  return modeOf(deviceSetting.value) === 'personal' && navigator.onLine !== false;
}

/**
 * The stores' state when this page came rendered from the server in the language this device
 * shows; null otherwise (the app then loads its data as usual: a device whose language choice
 * the server did not know yet). Taken once: the element goes.
 */
export function takeServerState(locale: string): ServerRenderedState['stores'] | null {
  const element = document.getElementById(STATE_ELEMENT_ID);
  if (!element) return null;
  element.remove();
  try {
    const state = JSON.parse(element.textContent ?? '') as ServerRenderedState;
    return state.locale === locale ? state.stores : null;
  } catch {
    return null;
  }
}

/**
 * Gives each store the server's state when it is created. As a plugin, installed after the
 * reset plugin (stores/reset.ts): that one keeps the store's own empty state as the state to
 * return to when the session ends, not the resident's data from the server.
 */
export function serverStatePlugin(stores: ServerRenderedState['stores']): PiniaPlugin {
  const waiting = new Map(Object.entries(stores));
  return ({ store }) => {
    const state = waiting.get(store.$id);
    if (!state) return;
    waiting.delete(store.$id);
    store.$patch(state as StateTree);
    cameWithPage.add(store.$id);
  };
}

/** Stores that started from the page's server state, until their first load (below). */
const cameWithPage = new Set<string>();

/**
 * True once for a store that started from the state of the page the server rendered: that data
 * is as fresh as the page, so the page's own first load need not ask the server again (it did:
 * one more request, and the whole page drawn a second time on a slow phone's processor, for the
 * same data; issue 16). Every later load asks the server as before.
 */
export function cameWithThisPage(storeId: string): boolean {
  return cameWithPage.delete(storeId);
}
