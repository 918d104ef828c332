/**
 * The registry of consortium data files. Which one a server runs for is configuration
 * (LOKET_CONSORTIUM); adding a consortium is adding a JSON file and one line below.
 *
 * The files are imported statically so that esbuild bundles them into the server: a deployment
 * is one file set, and a broken data file fails the build's tests instead of a start in production.
 */
import { ConsortiumConfigError, validateConsortium, type Consortium } from '../domain/consortium';
import leidschendamVoorburg from './leidschendam-voorburg.json' with { type: 'json' };
import lekstroom from './lekstroom.json' with { type: 'json' };
import regioAlkmaar from './regio-alkmaar.json' with { type: 'json' };

/** Raw file contents by id; the id must equal the file name. The first is the default. */
const sources: ReadonlyArray<readonly [string, unknown]> = [
  ['leidschendam-voorburg', leidschendamVoorburg],
  ['lekstroom', lekstroom],
  ['regio-alkmaar', regioAlkmaar],
];

export const consortiumIds: readonly string[] = sources.map(([id]) => id);
export const defaultConsortiumId = consortiumIds[0]!;

const cache = new Map<string, Consortium>();

/**
 * The validated consortium. An empty LOKET_CONSORTIUM counts as unset (a blank line in an .env
 * file should not stop the server). The result is frozen: it is shared by every request.
 */
export function loadConsortium(id: string = process.env.LOKET_CONSORTIUM || defaultConsortiumId): Consortium {
  const cached = cache.get(id);
  if (cached) return cached;
  const entry = sources.find(([known]) => known === id);
  if (entry === undefined) {
    throw new ConsortiumConfigError('CONSORTIUM_UNKNOWN', 'LOKET_CONSORTIUM', [
      { path: '', message: `unknown consortium '${id}'; known: ${consortiumIds.join(', ')}` },
    ]);
  }
  const source = `${id}.json`;
  const consortium = validateConsortium(entry[1], source);
  if (consortium.id !== id) {
    throw new ConsortiumConfigError('CONSORTIUM_INVALID', source, [
      { path: '/id', message: `'${consortium.id}' must equal the file name '${id}'` },
    ]);
  }
  const frozen = deepFreeze(structuredClone(consortium));
  cache.set(id, frozen);
  return frozen;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
