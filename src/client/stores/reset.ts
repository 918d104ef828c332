/**
 * Resetting every store at once, for the moment a session ends (logout or expiry): personal
 * data held in memory must be gone before the next person touches the device.
 *
 * Pinia's `$reset` does not exist for setup stores, and a hand-written reset per store is easy
 * to forget in the next feature. This plugin snapshots each store's state when the store is
 * created and can put all of them back. It relies on one house rule: store state is plain JSON
 * data (no Dates, Maps or class instances), which is what the API gives us anyway.
 */
import type { Pinia, PiniaPluginContext, StateTree, Store } from 'pinia';

const storesByPinia = new WeakMap<Pinia, Map<string, { store: Store; initial: string }>>();

export function resetPlugin({ pinia, store }: PiniaPluginContext): void {
  let stores = storesByPinia.get(pinia);
  if (!stores) {
    stores = new Map();
    storesByPinia.set(pinia, stores);
  }
  // A JSON snapshot: it reads through the reactive proxy and unwraps refs, and gives a fresh
  // copy on every reset so no array or object is shared with the previous session.
  stores.set(store.$id, { store, initial: JSON.stringify(store.$state) });
}

/** Puts every store created on this Pinia back into the state it had when it was created. */
export function resetAllStores(pinia: Pinia): void {
  for (const { store, initial } of storesByPinia.get(pinia)?.values() ?? []) {
    const fresh = JSON.parse(initial) as StateTree;
    store.$patch((state: StateTree) => {
      // Assign key by key: $patch with an object would deep-merge and keep stale entries.
      for (const key of Object.keys(fresh)) state[key] = fresh[key];
    });
  }
}
