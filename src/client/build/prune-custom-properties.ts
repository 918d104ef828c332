/**
 * Build-time step (used by vite.config.ts): drops the design tokens that nothing reads.
 *
 * The NL Design System token file (@utrecht/design-tokens) defines ~1200 tokens for every
 * component of the system; we use a dozen components. Unpruned, the tokens alone are 8.5 of the
 * 15 KiB gzip first-load CSS budget. A token stays when a var() reads it, directly or through
 * other tokens that stay, in the CSS of any installed NL Design System component package or in
 * any source file of the client (.css, .vue, .ts).
 *
 * Why at transform time and from installed packages, not from the finished bundle: the file
 * name hash of a CSS file is computed from its content before the last build hooks run; pruning
 * here keeps the hash true, so a browser never keeps a cached token file that lacks a token a
 * newer page needs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

interface Declaration {
  name: string;
  start: number;
  end: number;
  value: string;
}

const VAR_REFERENCE = /var\(\s*(--[\w-]+)/g;

function references(text: string): string[] {
  return [...text.matchAll(VAR_REFERENCE)].map((match) => match[1]!);
}

/**
 * Custom property declarations in (minified or not) CSS, with where they start and end. A
 * value ends at `;` or `}` outside brackets and quotes: values may hold data URLs with `;`.
 */
export function customPropertyDeclarations(css: string): Declaration[] {
  const found: Declaration[] = [];
  const declarationStart = /([{;]\s*)(--[\w-]+)\s*:/g;
  let match: RegExpExecArray | null;
  while ((match = declarationStart.exec(css))) {
    const start = match.index + match[1]!.length;
    let depth = 0;
    let quote: string | null = null;
    let i = declarationStart.lastIndex;
    for (; i < css.length; i++) {
      const c = css[i]!;
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (depth <= 0 && (c === ';' || c === '}')) break;
    }
    found.push({ name: match[2]!, start, end: i, value: css.slice(declarationStart.lastIndex, i) });
    declarationStart.lastIndex = i;
  }
  return found;
}

/** Tokens of `tokenCss` that `readers` read, following token-to-token references to a fixed point. */
export function usedCustomProperties(tokenCss: string, readers: string[]): Set<string> {
  const valuesByName = new Map<string, string[]>();
  for (const d of customPropertyDeclarations(tokenCss)) {
    valuesByName.set(d.name, [...(valuesByName.get(d.name) ?? []), d.value]);
  }
  const used = new Set(readers.flatMap(references));
  const queue = [...used];
  while (queue.length > 0) {
    for (const value of valuesByName.get(queue.pop()!) ?? []) {
      for (const name of references(value)) {
        if (!used.has(name)) {
          used.add(name);
          queue.push(name);
        }
      }
    }
  }
  return used;
}

/** `css` without declarations of custom properties outside `used`. */
export function pruneCustomProperties(css: string, used: Set<string>): string {
  let result = css;
  for (const d of customPropertyDeclarations(css).reverse()) {
    if (used.has(d.name)) continue;
    const end = result[d.end] === ';' ? d.end + 1 : d.end;
    result = result.slice(0, d.start) + result.slice(end);
  }
  return result;
}

function filesUnder(dir: string, extensions: RegExp): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path, extensions);
    return extensions.test(entry.name) ? [path] : [];
  });
}

/** The texts that may read a token: component package CSS and the client's own sources. */
function readerTexts(root: string, componentScopes: string[], sourceDir: string): string[] {
  const componentCss = componentScopes.flatMap((scope) =>
    filesUnder(join(root, 'node_modules', scope), /\.css$/).filter((path) => !/design-tokens/.test(path)),
  );
  const sources = filesUnder(join(root, sourceDir), /\.(css|vue|ts)$/);
  return [...componentCss, ...sources].map((path) => readFileSync(path, 'utf8'));
}

export function pruneDesignTokens(options: {
  /** Which CSS file holds the tokens */
  tokenFile: RegExp;
  /** node_modules scopes whose CSS packages read tokens */
  componentScopes: string[];
  /** Folder of the client sources, relative to the project root */
  sourceDir: string;
}): Plugin {
  let root = process.cwd();
  return {
    name: 'loket:prune-design-tokens',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    transform(css, id) {
      if (!options.tokenFile.test(id.split('?')[0]!)) return null;
      const used = usedCustomProperties(css, readerTexts(root, options.componentScopes, options.sourceDir));
      return { code: pruneCustomProperties(css, used), map: null };
    },
  };
}
