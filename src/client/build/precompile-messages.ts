/**
 * Build-time step (used by vite.config.ts, runs in Node): compiles the message strings of the
 * locale files (src/client/i18n/nl.ts, en.ts, ...) into vue-i18n's message ASTs, the form
 * vue-i18n's own bundler plugin emits. The browser bundle can then leave out vue-i18n's
 * message compiler (`__INTLIFY_DROP_MESSAGE_COMPILER__`), about 5 KiB gzip of a 60 KiB budget
 * for the first load on prepaid data. A broken message now fails the build, not a resident's page.
 *
 * Dev server and tests keep the plain strings (compiled at run time); precompile-messages.test.ts checks
 * that both forms render every message identically.
 *
 * Rule for locale files: their default export is plain data (strings in nested objects). They may
 * import such data from elsewhere (the notification texts come from src/domain, the same module
 * the server's e-mails use): the build bundles the file with its imports and evaluates it in
 * Node, so what it imports must run there without side effects. Only the resulting data ships.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { isCompiledMessage } from '../i18n/message-node';

type MessageTree = { [key: string]: string | MessageTree };
type BaseCompile = (
  source: string,
  options: { jit: true; minify: boolean; location: boolean; onError: (error: Error) => void },
) => { ast: unknown };

/**
 * Locale files: src/client/i18n/nl.ts, en.ts, any later xx.ts or xx-YY.ts beside them, and the
 * same names one folder down for message modules loaded with their feature, not with the app
 * (src/client/i18n/staff/nl.ts for the staff area, i18n/access-log/nl.ts, ...).
 */
export const LOCALE_FILE = /[\\/]src[\\/]client[\\/]i18n[\\/]([a-z]+(-[a-z]+)*[\\/])?[a-z]{2}(-[A-Z]{2})?\.ts$/;

// The compiler that matches the installed petite-vue-i18n: resolved through its own
// dependencies, so the ASTs are the ones its @intlify/core-base evaluates.
function loadBaseCompile(): BaseCompile {
  const fromProject = createRequire(import.meta.url);
  const fromPetiteVueI18n = createRequire(fromProject.resolve('petite-vue-i18n/package.json'));
  const fromCoreBase = createRequire(fromPetiteVueI18n.resolve('@intlify/core-base/package.json'));
  return (fromCoreBase('@intlify/message-compiler') as { baseCompile: BaseCompile }).baseCompile;
}

/** Every string in the tree replaced by its compiled AST; throws on a message with a syntax error. */
export function precompileMessages(tree: MessageTree, path = ''): Record<string, unknown> {
  const baseCompile = loadBaseCompile();
  const compileTree = (node: MessageTree, prefix: string): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        const where = `${prefix}${key}`;
        if (typeof value !== 'string') return [key, compileTree(value, `${where}.`)];
        const { ast } = baseCompile(value, {
          jit: true,
          minify: true,
          location: false,
          onError: (error) => {
            throw new Error(`i18n message ${where}: ${error.message}`);
          },
        });
        return [key, ast];
      }),
    );
  return compileTree(tree, path);
}

type CompiledTree = { [key: string]: unknown };

/** The text of a message without placeholders, plurals or links; undefined for any other. */
function staticText(ast: unknown): string | undefined {
  const body = (ast as { b?: { t?: number; s?: unknown } }).b;
  return body?.t === 2 && typeof body.s === 'string' ? body.s : undefined;
}

/**
 * The JavaScript module a locale file becomes in the bundle. Most messages are plain text, and
 * their AST (`{t:0,b:{t:2,i:[{t:3}],s:"…"}}`) is mostly wrapping: those become message
 * functions from one small factory, which answer exactly what vue-i18n's AST evaluator answers
 * for static text (a string for t(), a normalized list for <i18n-t>). About a third fewer bytes
 * of messages in every first load. Messages with placeholders or plurals stay ASTs.
 */
export function messagesModule(compiled: CompiledTree): string {
  const emit = (node: unknown): string => {
    const text = staticText(node);
    if (text !== undefined) return `s(${JSON.stringify(text)})`;
    if (node && typeof node === 'object' && !isCompiledMessage(node)) {
      const entries = Object.entries(node as CompiledTree).map(
        ([key, value]) => `${JSON.stringify(key)}:${emit(value)}`,
      );
      return `{${entries.join(',')}}`;
    }
    return JSON.stringify(node);
  };
  const factory = 'const s=(v)=>(c)=>c.type==="text"?v:c.normalize([v]);';
  return `${factory}\nexport default ${emit(compiled)};\n`;
}

/**
 * A locale file's messages as the app sees them: the file bundled with what it imports (esbuild,
 * from the source on disk), evaluated in Node. Also returns the files it read, to watch.
 */
export async function evaluateLocaleFile(file: string): Promise<{ messages: MessageTree; inputs: string[] }> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    metafile: true,
    logLevel: 'silent',
  });
  const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0]!.contents).toString('base64')}`;
  const module = (await import(/* @vite-ignore */ url)) as { default: MessageTree };
  return { messages: module.default, inputs: Object.keys(result.metafile.inputs).map((input) => resolve(input)) };
}

/** Vite plugin: at build time, locale modules export precompiled ASTs instead of strings. */
export function precompileLocaleMessages(): Plugin {
  return {
    name: 'loket:precompile-locale-messages',
    apply: 'build',
    async transform(_code, id) {
      if (!LOCALE_FILE.test(id)) return null;
      const { messages, inputs } = await evaluateLocaleFile(id);
      for (const input of inputs) this.addWatchFile(input);
      const compiled = precompileMessages(messages, `${id.split(/[\\/]/).pop()}: `);
      // The module becomes its data alone: what it imported (both languages of the
      // notification texts, say) does not reach the bundle.
      return { code: messagesModule(compiled), map: null };
    },
  };
}
