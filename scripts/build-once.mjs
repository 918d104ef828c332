// Builds the product for the browser tests unless dist already holds the build of exactly this
// source: what the build reads (the inputs below, as committed plus any uncommitted changes; a
// commit that only touches the README or a test does not count). `npm test` builds once;
// `npm run test:e2e` after it (or twice in a row) reuses that build.
import { execFileSync, execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const dist = process.env.LOKET_DIST || 'dist';
const stamp = `${dist}/build-source.txt`;
/** What `npm run build` reads; tests, docs and CI files are not among them. */
const INPUTS = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'tsconfig.base.json',
  'tsconfig.app.json',
  'package.json',
  'package-lock.json',
  'scripts/build-server.mjs',
  ':(exclude)*.test.ts',
];

function sourceKey() {
  const git = (...args) => execFileSync('git', args, { maxBuffer: 256 * 1024 * 1024 });
  const hash = createHash('sha256');
  // The committed blobs of the inputs (not the commit: a README commit leaves the build as it is).
  hash.update(git('ls-files', '-s', '--', ...INPUTS));
  hash.update(git('diff', 'HEAD', '--binary', '--', ...INPUTS));
  // Untracked (not ignored) files: a new source file changes the build too.
  const untracked = git('ls-files', '--others', '--exclude-standard', '-z', '--', ...INPUTS);
  for (const file of untracked.toString().split('\0').filter(Boolean)) {
    hash.update(file);
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  // What the build reads from the environment.
  hash.update(`${process.env.LOKET_BUILD_ID ?? ''}`);
  return hash.digest('hex');
}

let key;
try {
  key = sourceKey();
} catch {
  key = undefined; // not a git checkout: always build
}
if (key && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === key) {
  console.log(`build: ${dist} already holds this source's build, not building again`);
} else {
  execSync('npm run build', { stdio: 'inherit' });
  if (key) writeFileSync(stamp, `${key}\n`);
}
