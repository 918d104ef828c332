// @vitest-environment node
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MANIFEST_ICONS } from '../../server/modules/manifest/routes';
import { ICONS, renderIcon } from './icons';

const svg = readFileSync('public/favicon.svg');

async function pixels(png: Buffer) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return {
    data,
    info,
    at: (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x + 1) * info.channels),
    ],
  };
}

describe('install icons', () => {
  it('include every icon the server manifest names, at its size', () => {
    for (const icon of MANIFEST_ICONS) {
      const spec = ICONS.find((i) => `/${i.fileName}` === icon.src);
      expect(spec, icon.src).toBeDefined();
      expect(`${spec!.size}x${spec!.size}`).toBe(icon.sizes);
      expect(spec!.kind === 'maskable').toBe(icon.purpose === 'maskable');
    }
  });

  it.each(ICONS.map((i) => [i.fileName, i] as const))('%s is a PNG of the stated size', async (_name, spec) => {
    const meta = await sharp(await renderIcon(svg, spec)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', spec.size, spec.size]);
  });

  it('apple-touch-icon and maskable icon are opaque (iOS paints transparency black)', async () => {
    for (const spec of ICONS.filter((i) => i.kind !== 'any')) {
      const { info, at } = await pixels(await renderIcon(svg, spec));
      const corners = [at(0, 0), at(info.width - 1, 0), at(0, info.height - 1), at(info.width - 1, info.height - 1)];
      for (const pixel of corners) expect(pixel[3] ?? 255).toBe(255);
    }
  });

  it('maskable icon keeps the whole logo inside the safe zone (circle of 40% radius)', async () => {
    const spec = ICONS.find((i) => i.kind === 'maskable')!;
    const { data, info, at } = await pixels(await renderIcon(svg, spec));
    const background = at(0, 0);
    const centre = info.width / 2;
    let farthest = 0;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        const i = (y * info.width + x) * info.channels;
        const differs = [0, 1, 2].some((c) => Math.abs(data[i + c]! - background[c]!) > 24);
        if (differs) farthest = Math.max(farthest, Math.hypot(x + 0.5 - centre, y + 0.5 - centre));
      }
    }
    expect(farthest).toBeGreaterThan(0); // the logo is there
    expect(farthest).toBeLessThanOrEqual(0.4 * info.width);
  });
});
