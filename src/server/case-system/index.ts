/**
 * Which case system this server uses: the ONE place where it is chosen. Today always Loket's
 * own tables; a ZGW (Open Zaak) implementation is selected here from the configuration once it
 * exists (see README.md in this folder).
 */
import { createBlobStore } from '../blobs/index';
import type { AppContext } from '../context';
import type { CaseSystemProvider } from './case-system';
import { ownTablesCaseSystem } from './own-tables';

export type { CaseSnapshot, CaseSystem, CaseSystemProvider } from './case-system';

export function createCaseSystem(ctx: AppContext): CaseSystemProvider {
  return ownTablesCaseSystem(createBlobStore(ctx.config));
}
