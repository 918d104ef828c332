import { describe, expect, it } from 'vitest';
import {
  ENCODE_STEPS,
  encodeSize,
  fitWithin,
  MAX_LONG_SIDE,
  MAX_PHOTO_BYTES,
  nextEncodeStep,
  normalizeTurns,
  turnedSize,
} from './image-size';

describe('size targets for a reduced photo', () => {
  it.each([
    // a 12-megapixel phone photo, portrait and landscape
    [
      { width: 3000, height: 4000 },
      { width: 1500, height: 2000 },
    ],
    [
      { width: 4032, height: 3024 },
      { width: 2000, height: 1500 },
    ],
    // already small: never made larger
    [
      { width: 1200, height: 900 },
      { width: 1200, height: 900 },
    ],
    [
      { width: 2000, height: 10 },
      { width: 2000, height: 10 },
    ],
    // a long receipt keeps at least one pixel across
    [
      { width: 100_000, height: 10 },
      { width: 2000, height: 1 },
    ],
  ])('%o fits in %o', (size, expected) => {
    expect(fitWithin(size, MAX_LONG_SIDE)).toEqual(expected);
  });

  it.each([
    [0, 0],
    [1, 1],
    [4, 0],
    [5, 1],
    [-1, 3],
  ])('%i quarter turns is %i', (turns, expected) => {
    expect(normalizeTurns(turns)).toBe(expected);
  });

  it('a quarter turn swaps width and height; the size to encode follows the turn', () => {
    expect(turnedSize({ width: 3000, height: 4000 }, 1)).toEqual({ width: 4000, height: 3000 });
    expect(turnedSize({ width: 3000, height: 4000 }, 2)).toEqual({ width: 3000, height: 4000 });
    expect(encodeSize({ width: 3000, height: 4000 }, 1, { scale: 1, quality: 0.85 })).toEqual({
      width: 2000,
      height: 1500,
    });
    expect(encodeSize({ width: 3000, height: 4000 }, 0, { scale: 0.5, quality: 0.6 })).toEqual({
      width: 750,
      height: 1000,
    });
  });

  it('tries less quality, then fewer pixels, until the JPEG is at most 1.5 MB; the last step is final', () => {
    expect(MAX_PHOTO_BYTES).toBe(1_572_864);
    expect(nextEncodeStep(0, 900_000)).toBeNull();
    expect(nextEncodeStep(0, 2_000_000)).toBe(1);
    expect(nextEncodeStep(ENCODE_STEPS.length - 1, 9_000_000)).toBeNull();
    for (let i = 1; i < ENCODE_STEPS.length; i += 1) {
      const [before, step] = [ENCODE_STEPS[i - 1]!, ENCODE_STEPS[i]!];
      // every step gives up something, and never gains anything back
      expect(step.scale <= before.scale && step.quality <= before.quality).toBe(true);
      expect(step.scale < before.scale || step.quality < before.quality).toBe(true);
    }
    // text stays readable: never below 1000 px on the long side, never below quality 0.6
    expect(Math.min(...ENCODE_STEPS.map((s) => s.scale)) * MAX_LONG_SIDE).toBeGreaterThanOrEqual(1000);
    expect(Math.min(...ENCODE_STEPS.map((s) => s.quality))).toBeGreaterThanOrEqual(0.6);
  });
});
