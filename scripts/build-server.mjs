// Bundles the server (src/server/main.ts with src/domain and src/consortia) into
// dist/server/main.js. npm packages stay external: they are installed next to it.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = `${process.env.LOKET_DIST || 'dist'}/server/main.js`;
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/server/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  define: { __LOKET_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
console.log(`server bundle: ${outfile} (version ${version})`);
