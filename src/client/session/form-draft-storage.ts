/**
 * Where form drafts are kept (form-draft.ts), apart from the composable so that logging out
 * (end-session.ts, in every page's first load) can drop them without loading it.
 */
export const DRAFTS_STORAGE_KEY = 'loket.formDrafts';

/** Every draft of this tab goes (an intended logout: the phone may be handed to someone). */
export function clearFormDrafts(): void {
  try {
    sessionStorage.removeItem(DRAFTS_STORAGE_KEY);
  } catch {
    // Storage off: nothing was kept there either.
  }
}
