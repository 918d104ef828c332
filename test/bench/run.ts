/**
 * `npm run bench`: every benchmark side by side in one run on this machine; writes
 * bench-results/report.md and report.json and prints a summary. Budgets are goals here,
 * never test failures (times vary between runs; sizes have their own test).
 * Sections: first-load sizes, the resident's view (status on /aanvragen, throttled, cold and
 * warm, and the install size), Lighthouse (start and applications page), API throughput
 * (autocannon, 1k and 100k applications), uploads, image reduction, availability and the
 * booking race. The built product comes from `$LOKET_DIST` (default dist).
 *
 * Some sections only: name them as arguments or in BENCH_SECTIONS (comma-separated), e.g.
 * `npx tsx test/bench/run.ts api` or `BENCH_SECTIONS=api,upload npm run bench`. A name also
 * selects its variants (`api` runs `api-postgres` too when DATABASE_URL is set). The report then
 * holds those sections only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { apiBench, apiPostgresBench } from './api.bench';
import { availabilityBench } from './availability.bench';
import { bundleSizes } from './bundle.bench';
import { imageReductionBench } from './image-reduction.bench';
import { lighthouseBench } from './lighthouse.bench';
import { residentViewBench } from './resident-view.bench';
import { toMarkdown, toSummary, type Section } from './report';
import { uploadRatio } from './upload.bench';

type Bench = [name: string, run: () => Promise<Section>];

/** The sections asked for (arguments, else BENCH_SECTIONS); none named: all. */
function selected(): (name: string) => boolean {
  const args = process.argv.slice(2);
  const names = (args.length > 0 ? args : (process.env.BENCH_SECTIONS ?? '').split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return () => true;
  return (name) => names.some((wanted) => name === wanted || name.startsWith(`${wanted}-`));
}

async function main(): Promise<void> {
  const all: Bench[] = [
    ['bundle', bundleSizes],
    ['resident', residentViewBench],
    ['lighthouse', lighthouseBench],
    ['api', apiBench],
    // Only with DATABASE_URL: the same API figures on PostgreSQL, in a schema of its own.
    ...(process.env.DATABASE_URL ? ([['api-postgres', async () => (await apiPostgresBench())!]] as Bench[]) : []),
    ['upload', uploadRatio],
    ['image-reduction', imageReductionBench],
    ['availability', availabilityBench],
  ];
  const wanted = selected();
  const benches = all.filter(([name]) => wanted(name));
  if (benches.length === 0) throw new Error(`No such bench section; there are: ${all.map(([n]) => n).join(', ')}`);
  const sections: Section[] = [];
  for (const [name, run] of benches) {
    process.stdout.write(`bench: ${name}...\n`);
    sections.push(await run());
  }
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'unknown'}`,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
  };
  await mkdir('bench-results', { recursive: true });
  await writeFile('bench-results/report.md', toMarkdown(sections, meta));
  await writeFile('bench-results/report.json', `${JSON.stringify({ meta, sections }, null, 2)}\n`);
  console.log(`\n${toSummary(sections)}\n\nreport: bench-results/report.md, bench-results/report.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
