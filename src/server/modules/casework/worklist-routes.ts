/**
 * GET /api/staff/worklist: the case worker's start page (issue 14). Scoped to the municipalities
 * of their case-worker grants. The list shows no names and no words of residents, only what
 * waits; still, each case shown is in the audit log (action `list`), so a resident can read
 * that their application appeared in a worklist.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import { amsterdamDateOf } from '../../../domain/dates';
import { Worklist } from '../../../domain/questions-api';
import { municipalitiesFor } from '../../../domain/staff';
import type { CaseSystemProvider } from '../../case-system/index';
import type { AppContext } from '../../context';
import { CASE_ROLES } from './routes';
import { worklistItems } from './worklist';
import { actingRole, requireStaff } from '../staff/session';

export async function worklistRoutes(
  fastify: FastifyInstance,
  { ctx, caseSystem }: { ctx: AppContext; caseSystem: CaseSystemProvider },
): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/',
    {
      config: { staffRoles: CASE_ROLES },
      schema: {
        summary: 'What waits for the case worker in their municipalities: documents, questions, terms ending soon',
        tags: ['staff'],
        response: { 200: Worklist, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      const staff = requireStaff(request, CASE_ROLES);
      const scope = municipalitiesFor(staff.grants, CASE_ROLES);
      const workload = await caseSystem(ctx.db).workload(scope === 'all' ? 'all' : [...scope]);
      const today = amsterdamDateOf(ctx.clock.now());
      const items = worklistItems(workload, ctx.consortium, today);
      const shown = new Set(items.map((item) => item.caseId));
      for (const work of workload) {
        if (!shown.has(work.id)) continue;
        await app.auditor.allowed(request, {
          role: actingRole(staff, CASE_ROLES),
          action: 'list',
          objectType: 'case',
          objectId: work.id,
          residentBsn: work.residentBsn,
          purpose: 'case_handling',
        });
      }
      return { items, today };
    },
  );
}
