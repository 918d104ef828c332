/** First-load bytes per resident route, from the build manifest (deterministic). */
// @ts-expect-error: plain ESM script without types, shared with the size budget test
import { firstLoadSizes } from '../../scripts/first-load-sizes.mjs';
import type { Section } from './report';

interface RouteSize {
  route: string;
  js: { raw: number; gzip: number };
  css: { raw: number; gzip: number };
}

export async function bundleSizes(): Promise<Section> {
  const routes = (firstLoadSizes('dist/client') as RouteSize[]).filter((r) => !/^(balie|beheer)\//.test(r.route));
  return {
    title: 'First load per route (gzip)',
    figures: routes.flatMap((r) => [
      { name: `${r.route} JS`, value: r.js.gzip / 1024, unit: 'KiB', goal: '<= 60' },
      { name: `${r.route} CSS`, value: r.css.gzip / 1024, unit: 'KiB', goal: '<= 15' },
    ]),
    notes: ['Raw and gzip bytes of the entry, the route chunk and their static imports; gzip level 9.'],
  };
}
