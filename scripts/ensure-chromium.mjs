// Browser tests use Debian's Chromium packages; no test tool may download a browser of its own.
//
// Two binaries of the same Chromium version:
// - `chromium-headless-shell` (CHROMIUM_HEADLESS_SHELL_PATH) runs most browser tests. It renders
//   the same pages with the same engine but without the full browser's window machinery.
//   Measured on the 2-core CI machine: the whole browser suite took 669 s with the full browser
//   and 452 s with the shell (two workers each; the page work is CPU-bound).
// - `chromium` (CHROMIUM_PATH), the full browser, for what only it has: the shell always denies
//   notification permission (push journeys), and its service worker never gets the Background
//   Sync event that replays the outbox (offline journeys). playwright.config.ts says which
//   files run on it. The bench, Lighthouse and the screenshots use it too.
//
// Run as a command it installs what is missing (apt-get, when root); without the shell the tests
// fall back to the full browser, slower but the same checks. Imported, it tells the paths.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const BROWSER_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const SHELL_CANDIDATES = [
  process.env.CHROMIUM_HEADLESS_SHELL_PATH,
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium-headless-shell',
];

const firstThere = (candidates) => candidates.filter(Boolean).find((path) => existsSync(path)) ?? null;

/** The full browser, or null when it is not installed. */
export function findChromium() {
  return firstThere(BROWSER_CANDIDATES);
}

/** The headless shell; the full browser where the shell is not installed. */
export function findHeadlessShell() {
  return firstThere(SHELL_CANDIDATES) ?? findChromium();
}

function install(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  console.log(`chromium: installing the Debian package(s) ${packages.join(', ')}...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  return true;
}

function ensure() {
  for (const [name, value] of [
    ['CHROMIUM_PATH', process.env.CHROMIUM_PATH],
    ['CHROMIUM_HEADLESS_SHELL_PATH', process.env.CHROMIUM_HEADLESS_SHELL_PATH],
  ]) {
    if (value && !existsSync(value)) {
      console.error(`${name}=${value} does not exist.`);
      process.exit(1);
    }
  }
  const missing = [];
  if (!findChromium()) missing.push('chromium', 'fonts-dejavu-core');
  if (!firstThere(SHELL_CANDIDATES)) missing.push('chromium-headless-shell');
  if (missing.length && !install(missing) && !findChromium()) {
    console.error(
      'Chromium is missing. Install it with:\n' +
        '  sudo apt-get update && sudo apt-get install -y chromium chromium-headless-shell\n' +
        'or point CHROMIUM_PATH (and CHROMIUM_HEADLESS_SHELL_PATH) at a Chromium binary.',
    );
    process.exit(1);
  }
  console.log(`chromium: ${findChromium()}; headless shell: ${findHeadlessShell()}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) ensure();
