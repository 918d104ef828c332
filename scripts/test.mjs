// `npm test`: every check of the project, in two lanes side by side on a 2-core machine, and
// the time of each stage at the end. Lane 1 is the checks that need no build (lint, types, unit
// and component tests, the server suite); lane 2 builds once and runs the browser tests against
// that build. A lane goes on after a failed stage, so one run shows every failure; the command
// fails when any stage failed. LOKET_TEST_SERIAL=1 runs the stages one after another instead.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

const lanes = [
  [
    { name: 'lint', command: 'npm run lint' },
    { name: 'typecheck', command: 'npm run typecheck' },
    { name: 'unit+component', command: 'npm run test:unit' },
    { name: 'server', command: 'npm run test:server' },
  ],
  [
    { name: 'build', command: 'node scripts/ensure-chromium.mjs && node scripts/build-once.mjs' },
    // The build above is the one for this source: build-once in test:e2e skips building again.
    { name: 'e2e', command: 'npm run test:e2e' },
  ],
];

const results = [];
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

function prefixed(stream, name, out) {
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
  stream.on('end', () => rest && out.write(`[${name}] ${rest}\n`));
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

async function runLane(lane) {
  for (const stage of lane) await run(stage);
}

if (process.env.LOKET_TEST_SERIAL) {
  for (const lane of lanes) await runLane(lane);
} else {
  await Promise.all(lanes.map(runLane));
}

const order = lanes.flat().map((s) => s.name);
results.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
console.log('\nnpm test: time per stage (lanes run side by side)');
for (const r of results) {
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(16)} ${seconds(r.ms).padStart(6)}   load at end ${r.load}`);
}
const failed = results.filter((r) => !r.ok);
console.log(
  `  total ${seconds(Date.now() - started)}; ${failed.length ? `failed: ${failed.map((r) => r.name).join(', ')}` : 'all passed'}`,
);
process.exitCode = failed.length ? 1 : 0;
