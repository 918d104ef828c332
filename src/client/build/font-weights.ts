/**
 * Build-time step (vite.config.ts, issue 16): the self-hosted variable font cut to the weights
 * the app uses. @fontsource-variable/noto-sans ships every weight from 100 to 900 (35.0 KiB); the
 * NL Design System theme and our styles use 400, 600 and 700. Limiting the weight axis to
 * 400-700 keeps those outlines exactly (HarfBuzz's instancer, through the subset-font package)
 * and every character of the file; measured: 21.5 KiB, on every resident's first visit and
 * install. A weight outside the range is drawn at the nearest end (300 as 400, 800 as 700).
 * Only the layout features the app uses are kept (small capitals, fractions, superiors and the
 * like are reached by no style of ours), 21.5 -> 19.8 KiB.
 * The characters kept are the @font-face's unicode-range, read from the stylesheet: the browser
 * takes no other character from this file.
 *
 * The cut file is written once into node_modules/.cache (named after the source file, its size
 * and the range, so a new package version makes a new file) and the stylesheet's import of the
 * package file is pointed at it; Vite then hashes and serves it like any asset. Development
 * (vite dev, the tests) keeps the package's file: the same letters, only larger.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import type { Plugin } from 'vite';

/** The characters of a CSS unicode-range value (`U+0000-00FF, U+0131, …`). */
function charactersOf(unicodeRange: string): string {
  const characters: number[] = [];
  for (const part of unicodeRange.split(',')) {
    const match = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match) throw new Error(`font-weights: cannot read unicode-range part "${part}"`);
    const first = parseInt(match[1]!, 16);
    for (let c = first; c <= parseInt(match[2] ?? match[1]!, 16); c += 1) characters.push(c);
  }
  return String.fromCodePoint(...characters);
}

export function fontWeights(options: {
  specifier: string;
  css: string;
  min: number;
  max: number;
  /** OpenType layout features to keep; the glyphs only other features reach are dropped. */
  features: string[];
}): Plugin {
  return {
    name: 'loket-font-weights',
    apply: 'build',
    async config(config) {
      const root = config.root ?? process.cwd();
      const source = createRequire(join(root, 'package.json')).resolve(options.specifier);
      const range = /unicode-range:([^;]+);/.exec(readFileSync(join(root, options.css), 'utf8'))?.[1];
      if (!range) throw new Error(`font-weights: no unicode-range in ${options.css}`);
      const font = readFileSync(source);
      const key = createHash('sha256')
        .update(font)
        .update(`${range}|${options.min}|${options.max}|${options.features.join(',')}`)
        .digest('hex');
      const target = join(root, 'node_modules/.cache/loket-font-weights', key.slice(0, 16), basename(source));
      if (!existsSync(target)) {
        const cut = await subsetFont(font, charactersOf(range), {
          targetFormat: 'woff2',
          variationAxes: { wght: { min: options.min, max: options.max } },
          keepFeatures: options.features,
        });
        mkdirSync(join(target, '..'), { recursive: true });
        writeFileSync(target, cut);
      }
      return { resolve: { alias: [{ find: options.specifier, replacement: target }] } };
    },
  };
}
