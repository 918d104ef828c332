// npm run test:cluster: two built instances behind nginx (test/cluster). Its own configuration,
// apart from vite.config.ts's projects: one file, real processes, no Vue, no happy-dom.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cluster',
    environment: 'node',
    include: ['test/cluster/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
