/**
 * The browser's side of a page the server rendered (src/server/server-render/first-screen.ts):
 * the stores start from the state the server rendered with, so the app's first drawing is the
 * same page, put in place of the server's HTML in one go (Vue's mount empties #app and draws in
 * the same task: nothing in between is painted, nothing moves).
 *
 * Drawn again, not hydrated: hydration would add 2.2 KiB gzip to every page's first load (Vue's
 * hydration code; measured), for a screen whose mount takes about as long; and a page drawn from
 * the same state cannot be left half-matched, as hydration leaves attributes it finds different.
 */
import type { PiniaPlugin, StateTree } from 'pinia';
import { STATE_ELEMENT_ID, type ServerRenderedState } from './state-element';

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
