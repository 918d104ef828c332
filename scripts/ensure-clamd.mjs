// The malware-scan tests (issue 4) talk to a real ClamAV daemon: Debian's `clamav-daemon`.
// Run as a command it makes sure clamd is installed (apt-get when root, like ensure-chromium.mjs)
// and proves it works: start, PING, scan the EICAR test file, stop. Imported, `startClamd()` starts
// a private clamd for a test run.
//
// No freshclam and no network: the signature database is ours, a few lines that recognise the
// EICAR anti-malware test file (https://www.eicar.org/download-anti-malware-testfile/), and the
// daemon runs from a temporary folder with its own config, on 127.0.0.1 only.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CLAMD_CANDIDATES = [process.env.CLAMD_PATH, '/usr/sbin/clamd', '/usr/bin/clamd'].filter(Boolean);

/** The 68-byte EICAR test file, as published by EICAR. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export function findClamd() {
  return CLAMD_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

function writeSignatures(dbDir) {
  mkdirSync(dbDir, { recursive: true });
  // .hdb: MD5:size:name of the exact EICAR file (how ClamAV's own database knows it).
  writeFileSync(join(dbDir, 'loket-eicar.hdb'), `44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature\n`);
  // .ndb: the EICAR string anywhere in any file type (target 0, offset *), so a PDF that
  // carries it is caught too.
  const hex = Buffer.from(EICAR, 'latin1').toString('hex');
  writeFileSync(join(dbDir, 'loket-eicar.ndb'), `Loket.Test.Eicar-Embedded:0:*:${hex}\n`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function ping(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let reply = '';
    socket.setTimeout(1000);
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (chunk) => (reply += chunk.toString('latin1')));
    socket.on('end', () => resolve(reply.replace(/\0$/, '') === 'PONG'));
    socket.on('timeout', () => socket.destroy());
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(reply.replace(/\0$/, '') === 'PONG'));
  });
}

/**
 * Starts a private clamd on 127.0.0.1 with our EICAR-only database.
 * Resolves to { host, port, stop() }; rejects when clamd is missing or does not answer in time.
 */
export async function startClamd({ timeoutMs = 30_000 } = {}) {
  const binary = findClamd();
  if (!binary) throw new Error('clamd is not installed (run: node scripts/ensure-clamd.mjs)');
  const dir = mkdtempSync(join(tmpdir(), 'loket-clamd-'));
  const port = await freePort();
  writeSignatures(join(dir, 'db'));
  mkdirSync(join(dir, 'tmp'));
  const config = join(dir, 'clamd.conf');
  writeFileSync(
    config,
    [
      'Foreground yes',
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      `DatabaseDirectory ${join(dir, 'db')}`,
      `TemporaryDirectory ${join(dir, 'tmp')}`,
      `LogFile ${join(dir, 'clamd.log')}`,
      'OfficialDatabaseOnly no',
      'Bytecode no',
      'SelfCheck 0',
      // Our own per-file limit is 20 MB; clamd must accept at least that much in one stream.
      'StreamMaxLength 25M',
      'MaxFileSize 25M',
      'MaxScanSize 100M',
      '',
    ].join('\n'),
  );
  const child = spawn(binary, ['--config-file', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await ping(port)) return { host: '127.0.0.1', port, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`clamd did not start: ${stderr.trim() || 'no answer to PING'}`);
}

function install() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      'clamd is missing. Install it with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends clamav-daemon\n' +
        'or point CLAMD_PATH at a clamd binary. Loket never runs freshclam in tests.',
    );
    process.exit(1);
  }
  console.log('clamd: not found, installing the Debian package...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'clamav-daemon'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
}

async function selfCheck() {
  const clamd = await startClamd();
  try {
    const reply = await new Promise((resolve, reject) => {
      const socket = net.connect({ port: clamd.port, host: clamd.host });
      let text = '';
      socket.on('connect', () => {
        const body = Buffer.from(EICAR, 'latin1');
        const size = Buffer.alloc(4);
        size.writeUInt32BE(body.length);
        socket.write(Buffer.concat([Buffer.from('zINSTREAM\0'), size, body, Buffer.alloc(4)]));
      });
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('close', () => resolve(text.replace(/\0$/, '')));
      socket.on('error', reject);
    });
    if (!/FOUND$/.test(reply)) throw new Error(`clamd did not recognise EICAR: ${reply}`);
    console.log(`clamd: ${findClamd()} works (EICAR: ${reply})`);
  } finally {
    await clamd.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!findClamd()) install();
  await selfCheck();
}
