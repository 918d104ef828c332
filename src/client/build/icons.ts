/**
 * App icons for installing Loket, rendered with sharp from one SVG at build time, so no
 * binary image is committed and a new logo is one file change.
 *
 * The source (public/favicon.svg, also served as the SVG favicon) is a square logo on a
 * coloured background. From it:
 * - icon-192/icon-512 (purpose "any"): the logo as drawn; 192 and 512 are what Chromium needs
 *   to call a site installable and to draw its splash screen.
 * - maskable-512: Android crops maskable icons to a circle, squircle or square. Only the
 *   centre circle with a radius of 40% of the size is always visible (the "safe zone",
 *   https://w3c.github.io/manifest/#icon-masks), so the logo is drawn at 80% and the rest is
 *   filled with the logo's background colour.
 * - apple-touch-icon (180): iOS draws transparent pixels black and rounds corners itself, so
 *   this one is opaque, flattened on the same background colour.
 * - favicon-48.png: for browsers without SVG favicons (Safari before 26).
 *
 * The server's web app manifest (src/server/modules/manifest/routes.ts) links these paths;
 * icons.test.ts checks that both lists agree.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Plugin } from 'vite';

type IconKind = 'any' | 'maskable' | 'opaque';

export interface IconSpec {
  /** Path in the built client (dist/client), served as /<fileName> */
  fileName: string;
  size: number;
  kind: IconKind;
}

export const ICONS: readonly IconSpec[] = [
  { fileName: 'icons/icon-192.png', size: 192, kind: 'any' },
  { fileName: 'icons/icon-512.png', size: 512, kind: 'any' },
  { fileName: 'icons/maskable-512.png', size: 512, kind: 'maskable' },
  { fileName: 'icons/apple-touch-icon.png', size: 180, kind: 'opaque' },
  { fileName: 'icons/favicon-48.png', size: 48, kind: 'any' },
];

/** Share of a maskable icon's width the logo gets: its corners then stay inside the 40% circle. */
const MASKABLE_LOGO_SCALE = 0.8;

/**
 * The colour behind the logo, read from the rendered source just below its top edge in the
 * middle (outside the rounded corners, above the letter), so the SVG stays the only source.
 */
async function backgroundColourOf(svg: Buffer): Promise<{ r: number; g: number; b: number }> {
  const { data } = await sharp(svg)
    .resize(64, 64)
    .extract({ left: 32, top: 1, width: 1, height: 1 })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { r: data[0]!, g: data[1]!, b: data[2]! };
}

/**
 * One icon as PNG. The SVG is rasterised at the density that gives the target size directly
 * (at sharp's default 72 dpi a 32-unit viewBox would become 32 pixels and then be blown up).
 */
export async function renderIcon(svg: Buffer, spec: IconSpec): Promise<Buffer> {
  const { width = 32 } = await sharp(svg).metadata();
  const render = (size: number) =>
    sharp(svg, { density: Math.ceil((72 * size) / width) })
      .resize(size, size)
      .png();
  if (spec.kind === 'any') return render(spec.size).toBuffer();

  const background = { ...(await backgroundColourOf(svg)), alpha: 1 };
  const logoSize = spec.kind === 'maskable' ? Math.round(spec.size * MASKABLE_LOGO_SCALE) : spec.size;
  const logo = await render(logoSize).toBuffer();
  return sharp({ create: { width: spec.size, height: spec.size, channels: 4, background } })
    .composite([{ input: logo, gravity: 'centre' }])
    .flatten({ background })
    .png()
    .toBuffer();
}

/** Vite plugin: emits every icon into the build output (dist/client/icons/). */
export function pwaIcons(options: { source: string; icons?: readonly IconSpec[] }): Plugin {
  return {
    name: 'loket:pwa-icons',
    apply: 'build',
    async generateBundle() {
      this.addWatchFile(options.source);
      const svg = await readFile(options.source);
      const rendered = await Promise.all(
        (options.icons ?? ICONS).map(async (spec) => ({ spec, png: await renderIcon(svg, spec) })),
      );
      for (const { spec, png } of rendered) this.emitFile({ type: 'asset', fileName: spec.fileName, source: png });
    },
  };
}
