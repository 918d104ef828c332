/** First-load bytes per resident route, from the build manifest (deterministic). */
import { firstLoadSizes, isStaffRoute } from '../../scripts/first-load-sizes.mjs';
import type { Section } from './report';

export const distDir = () => `${process.env.LOKET_DIST || 'dist'}/client`;

export async function bundleSizes(): Promise<Section> {
  const routes = firstLoadSizes(distDir()).filter((r) => !isStaffRoute(r.route));
  return {
    title: 'First load per route (gzip)',
    figures: routes.flatMap((r) => [
      { name: `${r.route} JS`, value: r.js.gzip / 1024, unit: 'KiB', goal: '<= 60' },
      { name: `${r.route} CSS`, value: r.css.gzip / 1024, unit: 'KiB', goal: '<= 15' },
    ]),
    notes: [
      'Raw and gzip bytes of the entry, the route chunk and their static imports; gzip level 9.',
      'The test command fails above 76 KiB JS or 20 KiB CSS (test/e2e/size-budget.spec.ts).',
    ],
  };
}
