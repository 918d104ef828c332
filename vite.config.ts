/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The client is built into dist/client and served by the Fastify server (src/server),
// so one process is the whole product. During `vite dev` the API is proxied to it.
export default defineConfig({
  plugins: [vue()],
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
});
