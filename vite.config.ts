/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { defineConfig, type UserConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';
import { FIRST_PAGE_MODULES } from './src/client/boot/first-pages.js';
import { bootScript } from './src/client/build/boot-script.js';
import { compressAssets } from './src/client/build/compress-assets.js';
import { preloadFont } from './src/client/build/font-preload.js';
import { fontWeights } from './src/client/build/font-weights.js';
import { pwaIcons } from './src/client/build/icons.js';
import { residentPrecache } from './src/client/build/precache-files.js';
import { precompileLocaleMessages } from './src/client/build/precompile-messages.js';
import { STAFF_MODULE } from './scripts/first-load-sizes.mjs';
import { pruneDesignTokens } from './src/client/build/prune-custom-properties.js';
import { i18nTreeShaking } from './src/client/build/i18n-tree-shaking.js';

// Which build this is: shown as <html data-loket-build> (src/client/setup/pwa.ts) so support
// and the update test can tell versions apart. LOKET_BUILD_ID overrides the package version.
const buildId =
  process.env.LOKET_BUILD_ID || (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

/**
 * Code only some people ever load, fetched when first needed and never installed
 * (src/client/build/precache-files.ts): staff areas and the desk's help banner, pdf-lib, the
 * tus upload (sending needs the network anyway), messages in a language other than Dutch
 * (without them a page shows its Dutch fallback), and the resident pages that can do nothing
 * offline: the notification settings (they change this device's push subscription on the
 * server) and the access log (read from the server each time). Offline, such a page says it
 * cannot open yet (src/client/setup/page-load-failure.ts). And the worker's registration and
 * update check (src/client/setup/pwa-update.ts, 2.7 KiB Brotli): it only does something online
 * (offline there is no update to find, and the worker that runs is already registered); without
 * it the page works as before.
 */
const LAZY_ONLY = new RegExp(
  [
    STAFF_MODULE.source,
    String.raw`(^|/)src/client/components/assist/`,
    String.raw`(^|/)src/client/documents/(pdf|transport)\.ts$`,
    String.raw`(^|/)src/client/i18n/([a-z-]+/)?(en|ar)\.ts$`,
    String.raw`(^|/)src/client/pages/(access-log/AccessLogPage|notifications/NotificationSettingsPage)\.vue$`,
    String.raw`(^|/)src/client/setup/pwa-update\.ts$`,
  ].join('|'),
);

const precache = residentPrecache({ lazyOnly: LAZY_ONLY });

// The client is built into dist/client and served by the Fastify server (src/server),
// so one process is the whole product. During `vite dev` the API is proxied to it.
// vue-i18n feature flags: composition API only, no devtools, and no message compiler in the
// bundle because the build precompiles the messages (src/client/build/precompile-messages.ts).
const i18nFlags = (command: string) => ({
  __VUE_I18N_FULL_INSTALL__: 'false',
  __VUE_I18N_LEGACY_API__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __INTLIFY_DROP_MESSAGE_COMPILER__: JSON.stringify(command === 'build'),
  __LOKET_BUILD_ID__: JSON.stringify(buildId),
});

/**
 * `vite build --ssr src/client/server-render/entry.ts`: the same app, built for the server to
 * render a resident's first screen (issue 16). The same components and precompiled messages,
 * nothing of the browser's build steps (styles, font, service worker). Packages that import CSS
 * are bundled (Node cannot import a stylesheet); the rest stay in node_modules, as for the server.
 */
const serverRenderConfig = (command: string): UserConfig => ({
  plugins: [vue({ features: { optionsAPI: false } }), i18nTreeShaking(), precompileLocaleMessages()],
  define: i18nFlags(command),
  ssr: { noExternal: [/^@utrecht\//, /^@nl-design-system-candidate\//, /^@fontsource-variable\//] },
  build: {
    outDir: `${process.env.LOKET_DIST || 'dist'}/render`,
    emptyOutDir: true,
    target: 'node24',
    copyPublicDir: false,
    rollupOptions: { output: { entryFileNames: 'entry.js' } },
  },
});

export default defineConfig(({ command, isSsrBuild }) =>
  isSsrBuild
    ? serverRenderConfig(command)
    : {
        plugins: [
          // Options API off: the client uses <script setup> only, and Vue drops ~4 KiB for it.
          vue({ features: { optionsAPI: false } }),
          // First-load budgets (60 KiB JS, 15 KiB CSS gzip): see each plugin's file for why.
          i18nTreeShaking(),
          precompileLocaleMessages(),
          pruneDesignTokens({
            tokenFile: /@utrecht[\\/]design-tokens[\\/]dist[\\/]theme\.css$/,
            componentScopes: ['@utrecht', '@nl-design-system-candidate'],
            sourceDir: 'src/client',
          }),
          // The boot script, in index.html: starts the first screen's API requests and the page's code
          // with the HTML (issue 16).
          bootScript({ source: 'src/client/boot/boot.ts', pages: FIRST_PAGE_MODULES }),
          // The self-hosted font (src/client/styles/font.css) in the weights we use (35.0 -> 21.5 KiB).
          fontWeights({
            // Besides the browser's default features for Latin text: the numerals our styles ask for
            // (tabular-nums, lining-nums, slashed-zero). 21.5 -> 19.8 KiB.
            features: [
              'ccmp',
              'locl',
              'mark',
              'mkmk',
              'kern',
              'liga',
              'clig',
              'calt',
              'rlig',
              'rclt',
              'rvrn',
              'tnum',
              'lnum',
              'zero',
            ],
            specifier: '@fontsource-variable/noto-sans/files/noto-sans-latin-wght-normal.woff2',
            css: 'src/client/styles/font.css',
            min: 400,
            max: 700,
          }),
          // The font is asked for before the CSS needs it.
          preloadFont({ file: /noto-sans-latin-wght-normal-[\w-]+\.woff2$/ }),
          // Install icons in every size, rendered from the one SVG (see the plugin's file).
          pwaIcons({ source: 'public/favicon.svg' }),
          // A .br and a .gz copy of every text file, sent to browsers that accept them.
          compressAssets(),
          // Which build files residents load: the service worker installs only those (issue 16).
          precache.plugin,
          // Our own service worker (src/client/sw.ts), built after the app so it can list the app's
          // files for precaching. The manifest is not generated here: the server serves it per
          // consortium (src/server/modules/manifest). We register the worker ourselves, lazily and
          // with the update prompt (src/client/setup/pwa.ts), hence injectRegister: false.
          VitePWA({
            strategies: 'injectManifest',
            srcDir: 'src/client',
            filename: 'sw.ts',
            injectRegister: false,
            manifest: false,
            injectManifest: {
              // A classic script, not a module worker: Firefox runs module service workers only
              // since version 147 (January 2026); a classic one runs in every browser we support.
              rollupFormat: 'iife',
              // The app shell: index.html, the chunks (every resident route), CSS and the font
              // (offline pages look the same). Not the icons (the browser fetches those when
              // installing), not .vite/. Then only what residents load: LAZY_ONLY is kept at first
              // use instead (src/client/build/precache-files.ts, src/client/sw.ts).
              globPatterns: ['**/*.{js,css,html,woff2}', 'favicon.svg'],
              manifestTransforms: [precache.transform],
            },
          }),
        ],
        define: i18nFlags(command),
        build: {
          // LOKET_DIST lets parallel work build side by side (default: dist).
          outDir: `${process.env.LOKET_DIST || 'dist'}/client`,
          emptyOutDir: true,
          manifest: true,
          // Which built files each source module needs: the server links the stylesheets of a page it
          // renders (src/server/server-render/first-screen.ts), as the app would load them.
          ssrManifest: true,
          sourcemap: false,
          target: 'es2020',
          // No modulepreload polyfill (0.5 KiB gzip in every page's first load): every browser we
          // support but Safari before 17 preloads modules itself, and there a preload link is
          // only skipped, the module is still loaded when imported.
          modulePreload: { polyfill: false },
          rollupOptions: {
            // The app (index.html and its entry) and the boot script (src/client/build/boot-script.ts).
            input: { index: 'index.html', boot: 'src/client/boot/boot.ts' },
            output: {
              codeSplitting: {
                groups: [
                  {
                    // Small parts most resident pages share (six files under 1.1 KB each, each a
                    // request of its own holding one of six connections: issue 16), in one chunk with
                    // what they depend on (Vue, Pinia). Measured: the entry is 3 files instead of 6,
                    // /aanvragen 8 instead of 17, and every page's first load 0.1 to 2.1 KiB gzip
                    // smaller but three (not-found +0.9, accessibility +0.6, home visit +0.4); without
                    // the dependencies the pages were larger than with no group at all.
                    name: 'shared',
                    test: /src[\\/]client[\\/](i18n[\\/](dates|localized|feature-messages)\.ts|components[\\/](ApiErrorMessage|LoadingMessage|offline[\\/]OfflineNotice)\.vue)/,
                  },
                ],
              },
            },
          },
        },
        server: {
          proxy: {
            '/api': 'http://localhost:8080',
            '/idp': 'http://localhost:8080',
            '/manifest.webmanifest': 'http://localhost:8080',
          },
        },
        test: {
          projects: [
            {
              extends: true,
              test: {
                name: 'unit',
                environment: 'node',
                pool: 'threads',
                include: ['src/domain/**/*.test.ts', 'src/consortia/**/*.test.ts', 'test/unit/**/*.test.ts'],
              },
            },
            {
              extends: true,
              test: {
                name: 'component',
                environment: 'happy-dom',
                // Worker threads rather than child processes: measured 43 s instead of 62 s for unit and
                // component tests together. Each file still gets fresh modules and a fresh document:
                // without isolation it took 13 s, but work a file left running (a wipe, an IndexedDB
                // open) then reached the next file's mocks, and the result depended on the order.
                pool: 'threads',
                // vi.waitFor waits up to 10 s (the browser lane runs beside this suite in npm test).
                setupFiles: ['src/client/testing/wait-longer.ts'],
                include: ['src/client/**/*.test.ts', 'test/component/**/*.test.ts'],
              },
            },
            {
              extends: true,
              test: {
                name: 'server',
                environment: 'node',
                include: ['src/server/**/*.test.ts', 'test/server/**/*.test.ts'],
                // Every test app logs into one file; the teardown scans it for personal data (issue 7).
                // Every PGlite test database starts from a template built once per run.
                globalSetup: ['test/server/log-scan.global.ts', 'test/server/templates.global.ts'],
                // Two files at a time, one per core of the CI machine: each has its own databases
                // (a PGlite copy, a PostgreSQL schema), files folder, random ports and clamd.
                fileParallelism: true,
                maxWorkers: 2,
                isolate: false,
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ],
        },
      },
);
