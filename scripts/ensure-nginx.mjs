// The cluster test (npm run test:cluster) puts Debian's nginx in front of two instances, or
// NGINX_PATH. Installs the Debian package when missing and possible, as ensure-chromium.mjs does
// for the browser; else stops with the exact command.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx'].filter(Boolean);
const found = candidates.find((path) => existsSync(path));
if (found) {
  console.log(`nginx: ${found}`);
  process.exit(0);
}
if (process.env.NGINX_PATH) {
  console.error(`NGINX_PATH=${process.env.NGINX_PATH} does not exist.`);
  process.exit(1);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(
    'nginx is missing. Install it with:\n  sudo apt-get update && sudo apt-get install -y nginx-light\n' +
      'or point NGINX_PATH at an nginx binary.',
  );
  process.exit(1);
}
console.log('nginx: not found, installing the Debian package...');
// The test starts nginx itself, with its own configuration and ports; a system nginx the
// package may start on port 80 is not used.
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nginx-light'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env,
});
console.log('nginx: installed /usr/sbin/nginx');
