/// <reference lib="webworker" />
/**
 * The photo reducer's worker: decoding a 12-megapixel photo and encoding it again takes long
 * enough on a cheap phone to freeze the page, so it happens here (reduce-image.ts starts it,
 * one photo at a time). Same origin, built by Vite from this file: no code from elsewhere.
 *
 * Needs OffscreenCanvas with a 2D context (Chromium 69+, Firefox 105+, Safari 16.4+) and
 * createImageBitmap with imageOrientation (so a phone photo comes out upright). Without them it
 * says 'unsupported' and the page reduces on the main thread instead.
 */
import { reduceWith, type Drawing } from './reduce-core';

export interface ReduceRequest {
  file: Blob;
  quarterTurns: number;
  withThumbnail: boolean;
}

export type ReduceResponse =
  | { ok: true; jpeg: Blob; width: number; height: number; thumbnail: Blob | null; ms: number }
  | { ok: false; reason: 'unsupported' | 'undecodable' };

declare const self: DedicatedWorkerGlobalScope;

function canDraw(): boolean {
  try {
    return typeof createImageBitmap === 'function' && new OffscreenCanvas(1, 1).getContext('2d') !== null;
  } catch {
    return false;
  }
}

const drawing: Drawing = {
  async decode(file) {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
  },
  surface({ width, height }) {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d')!;
    return { context, encode: (quality) => canvas.convertToBlob({ type: 'image/jpeg', quality }) };
  },
};

self.onmessage = async (event: MessageEvent<ReduceRequest>) => {
  const reply = (response: ReduceResponse) => self.postMessage(response);
  if (!canDraw()) return reply({ ok: false, reason: 'unsupported' });
  const started = performance.now();
  try {
    const reduced = await reduceWith(drawing, event.data.file, event.data.quarterTurns, event.data.withThumbnail);
    reply({ ok: true, ...reduced, ms: performance.now() - started });
  } catch {
    reply({ ok: false, reason: 'undecodable' });
  }
};
