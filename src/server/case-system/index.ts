/**
 * Which case system this server uses: the ONE place where it is chosen. Today always Loket's
 * own tables; a ZGW (Open Zaak) implementation is selected here from the configuration once it
 * exists (see README.md in this folder).
 */
import { createBlobStore } from '../blobs/index';
import type { AppContext } from '../context';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { CaseSystem, CaseSystemProvider } from './case-system';
import { ownTablesCaseSystem } from './own-tables';

export type {
  Arrival,
  CaseDocument,
  CaseQuestion,
  CaseSnapshot,
  CaseSystem,
  CaseSystemProvider,
  CaseWorkload,
  OpenCase,
} from './case-system';
export type { CaseRecord } from './resident-cases';
export type { StaffCaseRow } from './staff-cases';

const providers = new WeakMap<AppContext['config'], CaseSystemProvider>();

/** The case system of this configuration (one per configuration, made on first use). */
export function caseSystemOf(ctx: Pick<AppContext, 'config'>): CaseSystemProvider {
  let provider = providers.get(ctx.config);
  if (!provider) {
    provider = ownTablesCaseSystem(createBlobStore(ctx.config));
    providers.set(ctx.config, provider);
  }
  return provider;
}

/**
 * The case system bound to a database handle: pass the request's handle (`dbFor(request, ctx)`)
 * so its changes are part of the request's transaction; `ctx.db` outside a request.
 */
export function caseSystemFor(ctx: Pick<AppContext, 'config'>, db: Kysely<Database>): CaseSystem {
  return caseSystemOf(ctx)(db);
}
