/**
 * The lazily loaded part of the update flow (see pwa.ts): registering the service worker with
 * workbox-window, and keeping what the resident typed over the update reload.
 *
 * Accepting an update sends SKIP_WAITING to the waiting worker (messageSkipWaiting) and reloads
 * once it controls the page ('controlling'): the pattern of
 * https://developer.chrome.com/docs/workbox/handling-service-worker-updates.
 *
 * Before that reload the values of fields marked `data-keep-on-update` go to sessionStorage
 * (this tab only, gone when it closes) and are put back after it; not on a shared device,
 * where nothing personal may be stored: there the banner asks to finish first.
 */
import { Workbox } from 'workbox-window';
// Types only: see pwa.ts for why this module must not load pwa.ts (or Vue) at run time.
import type { PwaUpdateState } from './pwa';

/** sessionStorage key of the form fields kept across the update reload. */
export const KEEP_ON_UPDATE_KEY = 'loket.keepOnUpdate';
const KEEP_SELECTOR = '[data-keep-on-update]';
/** How long after a reload a kept field may still appear (a lazy page, data still loading). */
const RESTORE_WINDOW_MS = 15_000;
/** A page left open (a kiosk, a tab in the background) still hears of new versions. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Shared or kiosk device: nothing personal may be stored (device mode sets <html data-device-mode>). */
function isSharedDevice(root: HTMLElement = document.documentElement): boolean {
  return root.dataset.deviceMode === 'shared';
}

type KeptField = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
interface KeptFields {
  /** The page the values belong to: restored only there */
  path: string;
  values: Record<string, string | boolean>;
}

/**
 * `data-keep-on-update="name"`, else the field's id or name (a radio group: its name, which
 * all its radios share). Passwords and files never: a password must not sit in storage, and a
 * file input cannot be filled by script.
 */
function keyOf(field: Element): string | undefined {
  if (!(
    field instanceof HTMLInputElement ||
    field instanceof HTMLTextAreaElement ||
    field instanceof HTMLSelectElement
  ))
    return undefined;
  if (field instanceof HTMLInputElement && ['password', 'file', 'hidden'].includes(field.type)) return undefined;
  const named = field.dataset.keepOnUpdate;
  if (named) return named;
  if (field instanceof HTMLInputElement && field.type === 'radio') return field.name || undefined;
  return field.id || field.name || undefined;
}

function isChoice(field: KeptField): field is HTMLInputElement {
  return field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio');
}

function currentPath(): string {
  return location.pathname + location.search;
}

/**
 * Saves the marked fields' values for the reload. Returns false when it did not (shared
 * device, storage unavailable): then typed text is lost on reload, which the banner says.
 */
export function keepFieldsForUpdate(root: ParentNode = document, storage: Storage = sessionStorage): boolean {
  if (isSharedDevice()) return false;
  const values: KeptFields['values'] = {};
  for (const field of root.querySelectorAll(KEEP_SELECTOR)) {
    const key = keyOf(field);
    if (!key) continue;
    const kept = field as KeptField;
    // A checkbox keeps its state, a radio group the value of the checked one.
    if (isChoice(kept)) {
      if (kept.type === 'checkbox') values[key] = kept.checked;
      else if (kept.checked) values[key] = kept.value;
    } else if (kept.value !== '') values[key] = kept.value;
  }
  if (Object.keys(values).length === 0) return true;
  try {
    storage.setItem(KEEP_ON_UPDATE_KEY, JSON.stringify({ path: currentPath(), values } satisfies KeptFields));
    return true;
  } catch {
    return false;
  }
}

/** Puts a kept value back and tells v-model (it listens to 'input' or 'change'). */
function fill(field: KeptField, value: string | boolean): void {
  if (isChoice(field)) {
    const checked = field.type === 'radio' ? field.value === value : value === true;
    if (field.checked === checked) return;
    field.checked = checked;
  } else {
    if (typeof value !== 'string' || field.value === value) return;
    // Text typed again since the reload wins over the kept text.
    if (!(field instanceof HTMLSelectElement) && field.value !== '') return;
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * After the update reload: takes the kept values out of sessionStorage at once (they live in
 * memory only from then on) and fills each marked field when it appears, for a short while,
 * because pages render after their chunk and data arrive. Returns a function that stops.
 */
export function restoreKeptFields(root: HTMLElement = document.body, storage: Storage = sessionStorage): () => void {
  let kept: KeptFields | undefined;
  try {
    const raw = storage.getItem(KEEP_ON_UPDATE_KEY);
    storage.removeItem(KEEP_ON_UPDATE_KEY);
    kept = raw ? (JSON.parse(raw) as KeptFields) : undefined;
  } catch {
    kept = undefined;
  }
  if (!kept || kept.path !== currentPath()) return () => {};
  const pending = new Map(Object.entries(kept.values));

  const fillPresent = () => {
    const filled = new Set<string>();
    for (const field of root.querySelectorAll(KEEP_SELECTOR)) {
      const key = keyOf(field);
      if (key === undefined || !pending.has(key)) continue;
      fill(field as KeptField, pending.get(key)!);
      filled.add(key); // after the loop: every radio of a group shares the key
    }
    for (const key of filled) pending.delete(key);
    if (pending.size === 0) stop();
  };
  const observer = new MutationObserver(fillPresent);
  const timer = setTimeout(() => stop(), RESTORE_WINDOW_MS);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
    pending.clear();
  }
  observer.observe(root, { childList: true, subtree: true });
  fillPresent();
  return stop;
}

/**
 * Whether a change of controlling worker ('controlling', from workbox-window, which reports
 * every 'controllerchange') means that a new version took over this page. It does only when a
 * worker controlled the page before AND one controls it now. Not when the controller went away:
 * a kiosk's "Stop en wis", its idle wipe and the end of front-desk help answer with
 * Clear-Site-Data "storage", which unregisters the worker; the page is left without one (issue
 * 14: that showed a false "Er is een nieuwe versie" after every wipe). Not at the first install
 * either (clientsClaim in sw.ts takes over a page that had no worker).
 */
export function isNewVersionTakingOver(hadController: boolean, controller: ServiceWorker | null): boolean {
  return hadController && controller !== null;
}

/**
 * Registers /sw.js and follows its life cycle. A classic script (see
 * injectManifest.rollupFormat in vite.config.ts); its scope is the whole app.
 */
export async function registerServiceWorker(pwaUpdate: PwaUpdateState): Promise<void> {
  const wb = new Workbox('/sw.js', { scope: '/' });
  let accepted = false;
  let reloading = false;
  let activeElsewhere = false;
  // Whether a worker controlled this page before. If not, the first 'controlling' is our own
  // first install taking over (clientsClaim in sw.ts), not a new version.
  let hadController = Boolean(navigator.serviceWorker.controller);

  const reloadOnce = () => {
    // 'controlling' can fire again (a third version arriving meanwhile): one reload only.
    if (reloading) return;
    reloading = true;
    location.reload();
  };

  // Also fired at registration when a version was already waiting (wasWaitingBeforeRegister):
  // after "Later" and a reload the banner comes back until the resident updates. Only a worker
  // that waits behind one controlling this page is a new version (see isNewVersion).
  wb.addEventListener('waiting', () => {
    if (navigator.serviceWorker.controller) pwaUpdate.available = true;
  });
  wb.addEventListener('controlling', () => {
    const controller = navigator.serviceWorker.controller;
    if (accepted) reloadOnce();
    else if (isNewVersionTakingOver(hadController, controller)) {
      // Accepted in another tab: this page still runs the old version, whose lazy chunks are
      // no longer precached. Offer the reload here too.
      activeElsewhere = true;
      pwaUpdate.available = true;
      pwaUpdate.dismissed = false;
    }
    hadController = controller !== null;
  });

  pwaUpdate.accept = () => {
    if (accepted) return;
    accepted = true;
    keepFieldsForUpdate();
    if (activeElsewhere) reloadOnce();
    else wb.messageSkipWaiting();
  };

  await wb.register();
  const check = () => void wb.update().catch(() => undefined); // offline: the next check will do
  setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}
