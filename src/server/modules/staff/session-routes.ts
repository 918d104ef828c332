/**
 * Administrators see the live staff sessions (account, started, last seen; never a token nor
 * its hash) and end one (issue 6 point 4): that member of staff's next request answers 401.
 * Disabling an account (account-routes.ts) ends all its sessions too. Both are audited.
 */
import { createHash } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { ErrorResponse } from '../../../domain/api';
import { SessionParams, StaffSessionList } from '../../../domain/casework-api';
import { administers, type RoleGrant, type StaffRole } from '../../../domain/staff';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import type { Kysely } from 'kysely';
import { notFound } from '../../errors';
import { dbFor } from '../../idempotency';
import { listStaffAccounts } from './accounts';
import { requireStaff, staffCookieName, staffSessionPolicy } from './session';

const ADMIN: readonly StaffRole[] = ['administrator'];
const errors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The id an administrator sees: derived from the stored hash, so it opens nothing. */
const publicId = (idHash: string) => sha256(`loket-staff-session:${idHash}`).slice(0, 32);

/** The live staff sessions of the accounts this administrator administers (their municipalities). */
async function liveStaffSessions(db: Kysely<Database>, ctx: AppContext, administrator: readonly RoleGrant[]) {
  const inScope = new Set(
    (await listStaffAccounts(db, ctx.consortium.id))
      .filter((a) => administers(administrator, a.grants))
      .map((a) => a.id),
  );
  return (await allLiveStaffSessions(db, ctx)).filter((session) => inScope.has(session.account_id));
}

async function allLiveStaffSessions(db: Kysely<Database>, ctx: AppContext) {
  const now = ctx.clock.now();
  const idleSince = new Date(now.getTime() - staffSessionPolicy(ctx).idleMinutes * 60_000);
  return db
    .selectFrom('sessions')
    .innerJoin('staff_accounts', (join) => join.on(sql`staff_accounts.id::text`, '=', sql.ref('sessions.subject')))
    .select([
      'sessions.id_hash',
      'sessions.created_at',
      'sessions.last_seen_at',
      'staff_accounts.id as account_id',
      'staff_accounts.name',
      'staff_accounts.subject as username',
    ])
    .where('sessions.kind', '=', 'staff')
    .where('sessions.ended_at', 'is', null)
    .where('sessions.last_seen_at', '>', idleSince)
    .where('sessions.absolute_expires_at', '>', now)
    .where('staff_accounts.consortium_id', '=', ctx.consortium.id)
    .orderBy('sessions.last_seen_at', 'desc')
    .execute();
}

export async function sessionRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const config = { staffRoles: ADMIN };
  const ownHash = (request: FastifyRequest) => {
    const token = request.cookies[staffCookieName(ctx)];
    return token ? sha256(token) : null;
  };

  async function list(request: FastifyRequest, db: Kysely<Database>, administrator: readonly RoleGrant[]) {
    const own = ownHash(request);
    return {
      sessions: (await liveStaffSessions(db, ctx, administrator)).map((s) => ({
        id: publicId(s.id_hash),
        account: { id: s.account_id, name: s.name, username: s.username },
        startedAt: s.created_at.toISOString(),
        lastSeenAt: s.last_seen_at.toISOString(),
        current: s.id_hash === own,
      })),
    };
  }

  app.get(
    '/',
    {
      config,
      schema: {
        summary: 'Live staff sessions of this consortium (no tokens)',
        tags: ['staff'],
        response: { 200: StaffSessionList, ...errors },
      },
    },
    async (request) => {
      const staff = requireStaff(request, ADMIN);
      const answer = await list(request, ctx.db, staff.grants);
      await app.auditor.allowed(request, {
        role: 'administrator',
        action: 'read',
        objectType: 'staff_session',
        objectId: null,
        purpose: 'account_management',
      });
      return answer;
    },
  );

  app.post(
    '/:sessionId/end',
    {
      config,
      schema: {
        summary: 'End a staff session at once; the next request with it answers 401',
        description: 'Requires an Idempotency-Key header.',
        tags: ['staff'],
        params: SessionParams,
        response: { 200: StaffSessionList, ...errors },
      },
    },
    async (request) => {
      const staff = requireStaff(request, ADMIN);
      const db = dbFor(request, ctx);
      const target = (await liveStaffSessions(db, ctx, staff.grants)).find(
        (s) => publicId(s.id_hash) === request.params.sessionId,
      );
      if (!target) throw notFound('Session');
      await db
        .updateTable('sessions')
        .set({ ended_at: ctx.clock.now(), end_reason: 'ended_by_administrator' })
        .where('id_hash', '=', target.id_hash)
        .where('ended_at', 'is', null)
        .execute();
      await app.auditor.allowed(request, {
        role: 'administrator',
        // Ends this one session; the account stays usable ('disable' is for accounts).
        action: 'end',
        objectType: 'staff_session',
        objectId: target.account_id,
        purpose: 'account_management',
      });
      return list(request, db, staff.grants);
    },
  );
}
