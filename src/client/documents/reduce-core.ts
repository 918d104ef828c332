/**
 * Reducing one photo: decode (turned upright by its EXIF orientation), turn by the resident's
 * quarter turns, scale to MAX_LONG_SIDE, and encode as JPEG until it fits MAX_PHOTO_BYTES. The
 * canvas re-encoding also drops every bit of metadata (EXIF, GPS): photos combined into a PDF
 * are stored as sent, so this is where their location data goes.
 *
 * Runs in the worker (OffscreenCanvas) and, where a worker cannot draw, on the main thread
 * (reduce-image.ts); the two differ only in `Drawing`.
 */
import {
  ENCODE_STEPS,
  encodeSize,
  nextEncodeStep,
  normalizeTurns,
  THUMBNAIL_LONG_SIDE,
  THUMBNAIL_QUALITY,
  fitWithin,
  type Size,
} from './image-size';

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

interface Decoded extends Size {
  source: CanvasImageSource;
  close(): void;
}

export interface Drawing {
  decode(file: Blob): Promise<Decoded>;
  surface(size: Size): { context: Context2D; encode(quality: number): Promise<Blob> };
}

export interface ReducedPhoto {
  jpeg: Blob;
  width: number;
  height: number;
  /** A small JPEG for the list, made from the same decode (upright, not turned) */
  thumbnail: Blob | null;
}

function draw(drawing: Drawing, image: Decoded, size: Size, quarterTurns: number) {
  const surface = drawing.surface(size);
  const { context } = surface;
  // A transparent PNG (a screenshot) would turn black as JPEG: paper is white.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.translate(size.width / 2, size.height / 2);
  context.rotate((normalizeTurns(quarterTurns) * Math.PI) / 2);
  const upright = normalizeTurns(quarterTurns) % 2 === 1 ? { width: size.height, height: size.width } : size;
  context.drawImage(image.source, -upright.width / 2, -upright.height / 2, upright.width, upright.height);
  return surface;
}

export async function reduceWith(
  drawing: Drawing,
  file: Blob,
  quarterTurns: number,
  withThumbnail: boolean,
): Promise<ReducedPhoto> {
  const image = await drawing.decode(file);
  try {
    let index = 0;
    for (;;) {
      const size = encodeSize(image, quarterTurns, ENCODE_STEPS[index]!);
      const jpeg = await draw(drawing, image, size, quarterTurns).encode(ENCODE_STEPS[index]!.quality);
      const next = nextEncodeStep(index, jpeg.size);
      if (next === null) {
        const thumbnail = withThumbnail
          ? await draw(drawing, image, fitWithin(image, THUMBNAIL_LONG_SIDE), 0).encode(THUMBNAIL_QUALITY)
          : null;
        return { jpeg, ...size, thumbnail };
      }
      index = next;
    }
  } finally {
    image.close();
  }
}
