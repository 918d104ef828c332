/**
 * "Wie keek in mijn gegevens" (issue 6 point 6): the signed-in resident reads which role at the
 * service looked at or changed their dossier, when, what and why, newest first, grouped into
 * visits (src/domain/access-log.ts: one person, one purpose, no pause over 30 minutes). The
 * server groups, not the page: it alone knows which rows are the same person (the actor id,
 * which the resident never receives), and a phone gets a few visits instead of hundreds of rows. A right of
 * access under the AVG (art. 15(1)(c): the recipients of the data; the purposes, art. 15(1)(a)).
 * Found by the opaque resident key the audit log stores, never by BSN. Staff names are shown
 * only when the consortium's policy says so (privacy.accessLogShowsStaffNames); by default the
 * role is what the resident learns. Refused attempts and staff housekeeping are not listed.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { groupIntoVisits, type AccessRow } from '../../../domain/access-log';
import { ErrorResponse } from '../../../domain/api';
import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  AUDIT_PURPOSES,
  isStaffRole,
  type AuditAction,
  type AuditObjectType,
  type AuditPurpose,
} from '../../../domain/staff';
import { AccessLog } from '../../../domain/staff-api';
import type { ModuleOptions } from '../../context';
import { requireResident } from '../auth/session-hook';

/** Rows read: the newest ones; a visit that began before them shows from the first row read. */
const ROWS_READ = 2000;
/** Visits sent: more than a year of ordinary case handling */
const VISITS_SHOWN = 100;
const oneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value);

export async function accessLogRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const showsStaffNames = ctx.consortium.privacy?.accessLogShowsStaffNames === true;

  app.get(
    '/me/access-log',
    {
      schema: {
        summary: 'Who at the service looked at or changed your data, when and why, as visits (newest first)',
        tags: ['residents'],
        response: { 200: AccessLog, 401: ErrorResponse },
      },
    },
    async (request) => {
      const { bsn } = requireResident(request);
      const rows = await ctx.db
        .selectFrom('audit_log')
        .leftJoin('staff_accounts', (join) => join.on(sql<boolean>`staff_accounts.id::text = audit_log.actor`))
        .select([
          'audit_log.at',
          'audit_log.actor',
          'audit_log.actor_role',
          'audit_log.action',
          'audit_log.object_type',
          'audit_log.purpose',
          'staff_accounts.name',
        ])
        .where('audit_log.on_behalf_of', '=', app.auditor.residentKey(bsn))
        .where('audit_log.result', '=', 'allowed')
        .orderBy('audit_log.seq', 'desc')
        .limit(ROWS_READ)
        .execute();
      const accesses: AccessRow[] = [];
      // Oldest first: rows of the same instant then keep the order they happened in (seq).
      for (const row of rows.reverse()) {
        if (!isStaffRole(row.actor_role) || !oneOf<AuditAction>(AUDIT_ACTIONS, row.action)) continue;
        if (!oneOf<AuditObjectType>(AUDIT_OBJECT_TYPES, row.object_type)) continue;
        accesses.push({
          at: row.at,
          actor: row.actor,
          role: row.actor_role,
          action: row.action,
          objectType: row.object_type,
          purpose: oneOf<AuditPurpose>(AUDIT_PURPOSES, row.purpose) ? row.purpose : null,
          staffName: showsStaffNames ? (row.name ?? null) : null,
        });
      }
      const visits = groupIntoVisits(accesses)
        .slice(0, VISITS_SHOWN)
        .map((visit) => ({ ...visit, from: visit.from.toISOString(), to: visit.to.toISOString() }));
      return { visits, showsStaffNames };
    },
  );
}
