// Builds the product for the browser tests unless dist already holds the build of exactly this
// source: the commit plus any uncommitted changes. `npm test` builds once; `npm run test:e2e`
// after it (or twice in a row) reuses that build instead of spending a minute on the same one.
import { execFileSync, execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const dist = process.env.LOKET_DIST || 'dist';
const stamp = `${dist}/build-source.txt`;

function sourceKey() {
  const git = (...args) => execFileSync('git', args, { maxBuffer: 256 * 1024 * 1024 });
  const hash = createHash('sha256');
  hash.update(git('rev-parse', 'HEAD'));
  hash.update(git('diff', 'HEAD', '--binary'));
  // Untracked (not ignored) files: a new source file changes the build too.
  for (const file of git('ls-files', '--others', '--exclude-standard', '-z').toString().split('\0').filter(Boolean)) {
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
