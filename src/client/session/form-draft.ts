/**
 * What a resident types in an open form survives the end of their session (issue 14, WCAG
 * 2.2.5): a question or a home-visit request half typed when the 15 minutes ran out is back in
 * its form after the next login on this device.
 *
 * Kept in sessionStorage (this tab only, gone when it closes; the login is a redirect in the
 * same tab), keyed by the page's path and the form's name, owned by the resident (the opaque
 * key from /api/me, never the BSN): another resident who logs in on the tab never sees it.
 * Removed when the form is sent, when the resident logs out on purpose (clearFormDrafts), and
 * after DRAFT_MAX_AGE_MS.
 *
 * NOTHING is kept on a shared device (library kiosk) or during front-desk help: there the next
 * person may be a stranger. The forms call `useFormDraft` with two functions (read the fields,
 * put saved values back) and `clear()` on success: the rest of each form stays its own.
 */
import { watch } from 'vue';
import { useRoute } from 'vue-router';
import { useDeviceStore } from '../stores/device';
import { useSessionStore } from '../stores/session';
import { DRAFTS_STORAGE_KEY } from './form-draft-storage';

/** As long as a session can last (12 hours absolute): older text is not what they were doing. */
const DRAFT_MAX_AGE_MS = 12 * 3_600_000;

interface StoredDraft {
  owner: string;
  savedAt: number;
  value: unknown;
}
type Drafts = Record<string, StoredDraft>;

function readDrafts(): Drafts {
  try {
    const raw = sessionStorage.getItem(DRAFTS_STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Drafts) : {};
  } catch {
    return {};
  }
}

function writeDrafts(drafts: Drafts): void {
  try {
    if (Object.keys(drafts).length === 0) sessionStorage.removeItem(DRAFTS_STORAGE_KEY);
    else sessionStorage.setItem(DRAFTS_STORAGE_KEY, JSON.stringify(drafts));
  } catch {
    // Storage off or full: the text stays in the field, only not over a new login.
  }
}

export interface FormDraft {
  /** The form was sent (or queued): its draft goes. */
  clear: () => void;
}

/**
 * Keeps one form's values while the resident types, and puts them back once when the form
 * opens again for the same resident. `read` returns plain JSON data; `restore` receives what
 * `read` returned earlier.
 */
export function useFormDraft<T>(name: string, read: () => T, restore: (saved: T) => void): FormDraft {
  const device = useDeviceStore();
  const session = useSessionStore();
  const route = useRoute();
  const key = `${route.path}#${name}`;
  const owner = () => session.me?.resident.key ?? null;
  // Kiosk, front-desk help, or not signed in: keep nothing at all.
  const mayKeep = () => device.mode === 'personal' && !session.me?.assist && owner() !== null;

  // The form as it opens: unchanged from this, there is nothing worth keeping.
  const untouched = JSON.stringify(read());
  const drafts = readDrafts();
  const saved = drafts[key];
  if (saved && (saved.owner !== owner() || Date.now() - saved.savedAt > DRAFT_MAX_AGE_MS)) {
    delete drafts[key];
    writeDrafts(drafts);
  } else if (saved && mayKeep()) {
    restore(saved.value as T);
  }

  watch(
    read,
    (value) => {
      if (!mayKeep()) return;
      const all = readDrafts();
      if (JSON.stringify(value) !== untouched) all[key] = { owner: owner()!, savedAt: Date.now(), value };
      else delete all[key];
      writeDrafts(all);
    },
    { deep: true },
  );

  return {
    clear() {
      const all = readDrafts();
      delete all[key];
      writeDrafts(all);
    },
  };
}
