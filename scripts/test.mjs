// `npm test`: every check of the project, and the time of each stage at the end. On a 2-core
// machine the stages run in phases, one after another; a phase's stages run side by side
// (each of the later ones already keeps both cores busy). Measured: the same stages in two long
// lanes side by side took longer than all of them in series, because two suites that each fill
// both cores slow each other down threefold. A failed stage does not stop the run, so one run
// shows every failure; the command fails when any stage failed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { stripVTControlCharacters } from 'node:util';

// `npm run lint` and `npm run typecheck` as written in package.json, each `&&` part a stage of
// its own: single-threaded tools, so they share both cores evenly (measured: the first phase
// took 66 s with lint and typecheck as two serial lanes beside the build).
const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const partsOf = (script) =>
  scripts[script].split(' && ').map((command) => ({
    // 'eslint', 'prettier', 'knip'; 'types: app' for vue-tsc on tsconfig.app.json
    name: /tsconfig\.(\w+)\.json/.exec(command)?.[1]?.replace(/^/, 'types: ') ?? command.split(' ')[0],
    command,
  }));

const phases = [
  [
    ...partsOf('lint'),
    ...partsOf('typecheck'),
    // The Debian packages the later stages need (installed here when missing: apt-get waits on
    // the disk and the network while the tools above compute), then the one build.
    {
      name: 'build',
      command:
        'node scripts/ensure-chromium.mjs && node scripts/ensure-nginx.mjs && node scripts/ensure-clamd.mjs && node scripts/build-once.mjs',
    },
  ],
  // The cluster test (two built instances behind nginx) waits on processes and the network more
  // than it computes, so it shares the phase that leaves part of the machine idle.
  [
    { name: 'unit+component', command: 'npm run test:unit' },
    { name: 'cluster', command: 'npm run test:cluster' },
  ],
  [{ name: 'server', command: 'npm run test:server' }],
  // The build above is the one for this source: build-once in test:e2e skips building again.
  [{ name: 'e2e', command: 'npm run test:e2e' }],
];

const results = [];
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

// Each stage's output, kept so the end of the run can repeat why a stage failed: CI shows only
// the last lines of the log, and a failure printed minutes earlier would not be among them.
const outputOf = new Map();

function prefixed(stream, name, out) {
  let rest = '';
  const kept = outputOf.get(name) ?? [];
  outputOf.set(name, kept);
  const write = (line) => {
    out.write(`[${name}] ${line}\n`);
    kept.push(line);
  };
  stream.on('data', (chunk) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) write(line);
  });
  stream.on('end', () => rest && write(rest));
}

// The part of a failed stage's output that says why: vitest's "Failed Tests" section,
// Playwright's list of failed tests, or else the stage's last lines.
const REASON_START = [/Failed Tests \d+/, /^\s+\d+ failed$/, /^\s+\d+\) \[/];
function reasonOf(name) {
  const lines = (outputOf.get(name) ?? []).map((line) => stripVTControlCharacters(line));
  const start = lines.findIndex((line) => REASON_START.some((pattern) => pattern.test(line)));
  return start === -1 ? lines.slice(-40) : lines.slice(start, start + 40);
}

function run(stage) {
  return new Promise((resolve) => {
    const begin = Date.now();
    console.log(`[${stage.name}] start (load ${load()})`);
    const child = spawn(stage.command, {
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) },
    });
    prefixed(child.stdout, stage.name, process.stdout);
    prefixed(child.stderr, stage.name, process.stderr);
    child.on('close', (code) => {
      const result = { name: stage.name, ok: code === 0, ms: Date.now() - begin, load: load() };
      results.push(result);
      console.log(`[${stage.name}] ${result.ok ? 'passed' : `FAILED (exit ${code})`} in ${seconds(result.ms)}`);
      resolve();
    });
  });
}

for (const phase of phases) await Promise.all(phase.map(run));

// Before the table, which stays last: what CI shows of the log is its end.
for (const r of results.filter((result) => !result.ok)) {
  console.log(`\nwhy ${r.name} failed (repeated from its output above):`);
  for (const line of reasonOf(r.name)) console.log(`  ${line}`);
}

const order = phases.flat().map((s) => s.name);
results.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
console.log('\nnpm test: time per stage (stages of one phase run side by side)');
for (const r of results) {
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(16)} ${seconds(r.ms).padStart(6)}   load at end ${r.load}`);
}
const failed = results.filter((r) => !r.ok);
console.log(
  `  total ${seconds(Date.now() - started)}; ${failed.length ? `failed: ${failed.map((r) => r.name).join(', ')}` : 'all passed'}`,
);
process.exitCode = failed.length ? 1 : 0;
