/**
 * How far the uploads in flight are, for the progress bars: item id -> bytes the browser has
 * sent and the file's size. Live and in memory only (numbers, nothing personal); what survives
 * a closed tab is the offset saved on the outbox item (src/domain/outbox.ts).
 *
 * Plain listeners, not Vue reactivity: the transport (and its chunk) stays free of Vue, which
 * keeps the bundler from splitting Vue across chunks on every route's first load.
 */

export interface UploadProgress {
  sent: number;
  total: number;
}

const current = new Map<string, UploadProgress>();
const listeners = new Set<() => void>();

export function setUploadProgress(id: string, progress: UploadProgress | null): void {
  if (progress) current.set(id, progress);
  else current.delete(id);
  listeners.forEach((listener) => listener());
}

export function uploadProgressOf(id: string): UploadProgress | null {
  return current.get(id) ?? null;
}

/** Calls `listener` on every change; returns the way to stop. */
export function onUploadProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Whole percent, never 100 before the last byte (a bar at 100% that still waits confuses). */
export function percentOf(sent: number, total: number): number {
  if (total <= 0) return 0;
  if (sent >= total) return 100;
  return Math.min(99, Math.floor((sent / total) * 100));
}
