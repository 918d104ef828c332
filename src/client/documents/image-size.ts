/**
 * The size rules for photos reduced in the browser (issue 4): a phone photo of a letter is
 * 3 to 12 MB and 12 megapixels; what a case worker needs to read it is ~2000 px on the long side
 * and at most ~1.5 MB as JPEG. Pure numbers, shared by the worker and the main-thread fallback.
 */

/** Long side of a reduced photo: an A4 page at ~240 dpi, sharp enough for small print. */
export const MAX_LONG_SIDE = 2000;
/** Largest reduced photo we send. Prepaid data is the resident's money. */
export const MAX_PHOTO_BYTES = 1.5 * 1024 * 1024;
/** Long side of a preview in the list (shown at ~80 CSS px, so 2-3x for sharp screens). */
export const THUMBNAIL_LONG_SIDE = 240;
export const THUMBNAIL_QUALITY = 0.7;

export interface Size {
  width: number;
  height: number;
}

/** `size` scaled down to fit `longSide` (never up), whole pixels, at least 1. */
export function fitWithin(size: Size, longSide: number): Size {
  const scale = Math.min(1, longSide / Math.max(size.width, size.height));
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** Quarter turns clockwise, as 0..3. */
export function normalizeTurns(quarterTurns: number): 0 | 1 | 2 | 3 {
  return (((Math.round(quarterTurns) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
}

/** The size after turning by `quarterTurns` (an odd number swaps width and height). */
export function turnedSize(size: Size, quarterTurns: number): Size {
  return normalizeTurns(quarterTurns) % 2 === 1 ? { width: size.height, height: size.width } : size;
}

export interface EncodeStep {
  /** Of the size that fits MAX_LONG_SIDE */
  scale: number;
  /** JPEG quality 0..1 */
  quality: number;
}

/**
 * Tried in order until the JPEG fits MAX_PHOTO_BYTES: first less quality (text stays readable
 * down to ~0.6), then fewer pixels. A paper document fits at the first step almost always; a
 * busy photo (a patterned tablecloth under the letter) needs the later ones.
 */
export const ENCODE_STEPS: readonly EncodeStep[] = [
  { scale: 1, quality: 0.85 },
  { scale: 1, quality: 0.75 },
  { scale: 1, quality: 0.65 },
  { scale: 0.8, quality: 0.65 },
  { scale: 0.64, quality: 0.6 },
  { scale: 0.5, quality: 0.6 },
];

/** The step to try after `index` gave `bytes`, or null: it fits, or this is the last step (use it). */
export function nextEncodeStep(index: number, bytes: number, maxBytes = MAX_PHOTO_BYTES): number | null {
  if (bytes <= maxBytes || index >= ENCODE_STEPS.length - 1) return null;
  return index + 1;
}

/** The pixel size to encode at `step`, for a source of `source` size turned `quarterTurns`. */
export function encodeSize(source: Size, quarterTurns: number, step: EncodeStep, longSide = MAX_LONG_SIDE): Size {
  const fitted = fitWithin(turnedSize(source, quarterTurns), longSide);
  return {
    width: Math.max(1, Math.round(fitted.width * step.scale)),
    height: Math.max(1, Math.round(fitted.height * step.scale)),
  };
}
