/**
 * The page's side of photo reduction: one worker (reduce-image.worker.ts), made on the first
 * photo and given one photo at a time (two 12-megapixel decodes at once need ~100 MB, too much
 * for a cheap phone). Where the worker cannot draw (no OffscreenCanvas, no module workers) the
 * same code runs on the main thread: slower to the eye, same result.
 *
 * Each reduction is measured as performance entry 'loket:reduce-image' (detail: megapixels,
 * bytes in and out, where it ran), for the benchmark and for support.
 */
import { reduceWith, type Drawing, type ReducedPhoto } from './reduce-core';
import type { ReduceRequest, ReduceResponse } from './reduce-image.worker';

export type { ReducedPhoto } from './reduce-core';

export const REDUCE_MEASURE = 'loket:reduce-image';

/** A photo we cannot decode (broken, or a format this browser does not read). */
export class UnreadablePhotoError extends Error {
  constructor() {
    super('The photo cannot be decoded');
    this.name = 'UnreadablePhotoError';
  }
}

export interface PhotoReducer {
  reduce(file: Blob, quarterTurns: number, withThumbnail: boolean): Promise<ReducedPhoto>;
  dispose(): void;
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** The main thread's way: createImageBitmap where it exists, else an <img> (upright by CSS image-orientation). */
const mainThreadDrawing: Drawing = {
  async decode(file) {
    if (typeof createImageBitmap === 'function') {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    }
    // A data: URL, not an object URL: the CSP allows images from 'self' and data: only.
    const image = new Image();
    image.src = await readAsDataUrl(file);
    await image.decode();
    return {
      source: image,
      width: image.naturalWidth,
      height: image.naturalHeight,
      close: () => image.removeAttribute('src'),
    };
  },
  surface({ width, height }) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    return {
      context,
      encode: (quality) =>
        new Promise<Blob>((resolve, reject) =>
          canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new UnreadablePhotoError())), 'image/jpeg', quality),
        ),
    };
  },
};

export function createPhotoReducer(): PhotoReducer {
  let worker: Worker | null = null;
  let workerUsable = true;
  let queue: Promise<unknown> = Promise.resolve();

  function startWorker(): Worker | null {
    if (!workerUsable) return null;
    try {
      worker ??= new Worker(new URL('./reduce-image.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      workerUsable = false;
    }
    return worker;
  }

  function inWorker(request: ReduceRequest): Promise<ReduceResponse | null> {
    const current = startWorker();
    if (!current) return Promise.resolve(null);
    return new Promise((resolve) => {
      const done = (response: ReduceResponse | null) => {
        current.removeEventListener('message', onMessage);
        current.removeEventListener('error', onError);
        resolve(response);
      };
      const onMessage = (event: MessageEvent<ReduceResponse>) => done(event.data);
      // The worker did not load (no module workers) or died (out of memory): main thread from now on.
      const onError = () => {
        current.terminate();
        worker = null;
        workerUsable = false;
        done(null);
      };
      current.addEventListener('message', onMessage);
      current.addEventListener('error', onError);
      current.postMessage(request);
    });
  }

  async function reduceOne(file: Blob, quarterTurns: number, withThumbnail: boolean): Promise<ReducedPhoto> {
    const start = performance.now();
    let response = await inWorker({ file, quarterTurns, withThumbnail });
    if (response && !response.ok && response.reason === 'unsupported') {
      workerUsable = false;
      worker?.terminate();
      worker = null;
      response = null;
    }
    let reduced: ReducedPhoto;
    if (response === null) {
      try {
        reduced = await reduceWith(mainThreadDrawing, file, quarterTurns, withThumbnail);
      } catch {
        throw new UnreadablePhotoError();
      }
    } else if (response.ok) {
      reduced = response;
    } else {
      throw new UnreadablePhotoError();
    }
    try {
      performance.measure(REDUCE_MEASURE, {
        start,
        end: performance.now(),
        detail: {
          bytesIn: file.size,
          bytesOut: reduced.jpeg.size,
          width: reduced.width,
          height: reduced.height,
          inWorker: response !== null,
        },
      });
    } catch {
      // Old browsers without measure options: the numbers are a bonus.
    }
    return reduced;
  }

  return {
    reduce(file, quarterTurns, withThumbnail) {
      const run = queue.then(() => reduceOne(file, quarterTurns, withThumbnail));
      queue = run.catch(() => undefined);
      return run;
    },
    dispose() {
      worker?.terminate();
      worker = null;
    },
  };
}
