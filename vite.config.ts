/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { precompileLocaleMessages } from './src/client/build/precompile-messages.js';
import { pruneDesignTokens } from './src/client/build/prune-custom-properties.js';
import { vueI18nTreeShaking } from './src/client/build/vue-i18n-tree-shaking.js';

// The client is built into dist/client and served by the Fastify server (src/server),
// so one process is the whole product. During `vite dev` the API is proxied to it.
export default defineConfig(({ command }) => ({
  plugins: [
    // Options API off: the client uses <script setup> only, and Vue drops ~4 KiB for it.
    vue({ features: { optionsAPI: false } }),
    // First-load budgets (60 KiB JS, 15 KiB CSS gzip): see each plugin's file for why.
    vueI18nTreeShaking(),
    precompileLocaleMessages(),
    pruneDesignTokens({
      tokenFile: /@utrecht[\\/]design-tokens[\\/]dist[\\/]theme\.css$/,
      componentScopes: ['@utrecht', '@nl-design-system-candidate'],
      sourceDir: 'src/client',
    }),
  ],
  // vue-i18n feature flags: composition API only, no devtools, and no message compiler in the
  // bundle because the build precompiles the messages (src/client/build/precompile-messages.ts).
  define: {
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: JSON.stringify(command === 'build'),
  },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2020',
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/idp': 'http://localhost:8080',
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/domain/**/*.test.ts', 'src/consortia/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['src/client/**/*.test.ts', 'test/component/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/server/**/*.test.ts', 'test/server/**/*.test.ts'],
          // PGlite databases are in-process and CPU heavy to create; one file at a time keeps
          // the 2-core CI machine responsive and the PostgreSQL schemas isolated.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
}));
