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
 * Rule for locale files: plain data only (strings in nested objects, type-only imports), because
 * the build evaluates them on their own.
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

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

// The compiler that matches the installed vue-i18n: resolved through vue-i18n's own
// dependencies, because @intlify/message-compiler is not a direct dependency of this project.
function loadBaseCompile(): BaseCompile {
  const fromProject = createRequire(import.meta.url);
  const fromVueI18n = createRequire(fromProject.resolve('vue-i18n/package.json'));
  const fromCoreBase = createRequire(fromVueI18n.resolve('@intlify/core-base/package.json'));
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

/** Vite plugin: at build time, locale modules export precompiled ASTs instead of strings. */
export function precompileLocaleMessages(): Plugin {
  return {
    name: 'loket:precompile-locale-messages',
    apply: 'build',
    // After the TypeScript transform, so the code is plain JavaScript we can evaluate.
    enforce: 'post',
    async transform(code, id) {
      if (!LOCALE_FILE.test(id)) return null;
      const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
      const module = (await import(/* @vite-ignore */ url)) as { default: MessageTree };
      const compiled = precompileMessages(module.default, `${id.split(/[\\/]/).pop()}: `);
      return { code: `export default ${JSON.stringify(compiled)};\n`, map: null };
    },
  };
}
