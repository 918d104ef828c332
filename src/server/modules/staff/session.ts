/**
 * Staff sessions (issue 6): their own cookie (`__Host-loket_staff` on https), 30 minutes idle and
 * 12 hours absolute by default, in the same sessions table as residents' under kind 'staff'.
 * A resident cookie never opens a staff route and a staff cookie never a resident route: the
 * two are read by different hooks, and a token only matches a session of its own kind.
 *
 * `requireStaff(request, roles)` is the guard. Its answers reveal nothing about objects:
 * 401 without a staff session, 403 when no grant has one of the roles (decided before any
 * object is looked at, so the same for every id); objects outside the grant's municipalities
 * are 404, exactly like objects that do not exist (see `ensureInScope`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasAnyRole, mayActIn, type RoleGrant, type StaffRole } from '../../../domain/staff';
import type { AppContext } from '../../context';
import { AppError, notFound, unauthenticated } from '../../errors';
import { isApiRequest } from '../../api-request';
import { isSecure } from '../auth/session-hook';
import { endSession, useSession, type SessionPolicy } from '../auth/sessions';
import { effectiveGrants, findStaffById } from './accounts';

export interface SignedInStaff {
  accountId: string;
  name: string;
  /** The grants that count in this session (ours, limited by the IdP's roles claim if any) */
  grants: RoleGrant[];
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: SignedInStaff | null;
    /** A staff cookie was sent but its session had ended (idle, absolute, account disabled) */
    staffSessionExpired: boolean;
  }
}

export function staffCookieName(ctx: AppContext): string {
  return isSecure(ctx) ? '__Host-loket_staff' : 'loket_staff';
}

export const staffSessionPolicy = (ctx: AppContext): SessionPolicy => ({
  idleMinutes: ctx.config.staffSessionIdleMinutes,
  absoluteHours: ctx.config.staffSessionAbsoluteHours,
});

export const staffSessionHook = fp(async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
  const cookieName = staffCookieName(ctx);
  app.decorateRequest('staff', null);
  app.decorateRequest('staffSessionExpired', false);

  const lookUp = async (request: FastifyRequest, token: string): Promise<void> => {
    const found = await useSession(ctx.db, ctx.clock, staffSessionPolicy(ctx), token, 'staff');
    if (!found.ok) {
      request.staffSessionExpired = found.reason === 'expired';
      return;
    }
    const account = await findStaffById(ctx.db, found.session.subject);
    if (!account || account.disabledAt || account.consortiumId !== ctx.consortium.id) {
      // Disabled since login: the session ends now, whatever its timers say.
      await endSession(ctx.db, ctx.clock, token, 'account_disabled');
      request.staffSessionExpired = true;
      return;
    }
    request.staff = {
      accountId: account.id,
      name: account.name,
      grants: effectiveGrants(account.grants, found.session.staff_roles),
      idleExpiresAt: found.idleExpiresAt,
      absoluteExpiresAt: found.session.absolute_expires_at,
    };
  };

  // A plain callback: without a staff cookie (nearly every request) no promise (issue 16).
  app.addHook('onRequest', (request, _reply, done) => {
    const token = isApiRequest(request) ? request.cookies[cookieName] : undefined;
    if (!token) return done();
    lookUp(request, token).then(() => done(), done);
  });
});

/** The signed-in member of staff with one of `roles`; 401 or 403 otherwise (see above). */
export function requireStaff(request: FastifyRequest, roles: readonly StaffRole[]): SignedInStaff {
  const staff = request.staff;
  if (!staff) throw unauthenticated(request.staffSessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  if (!hasAnyRole(staff.grants, roles)) {
    throw new AppError(403, 'STAFF_ROLE_REQUIRED', 'Your role does not allow this');
  }
  return staff;
}

/** The role under which an action is done and logged: the first of `roles` the staff holds. */
export function actingRole(staff: SignedInStaff, roles: readonly StaffRole[]): StaffRole {
  const role = roles.find((r) => staff.grants.some((g) => g.role === r));
  if (!role) throw new AppError(403, 'STAFF_ROLE_REQUIRED', 'Your role does not allow this');
  return role;
}

/** 404 for an object in a municipality outside the staff's grants: as if it did not exist. */
export function ensureInScope(
  staff: SignedInStaff,
  roles: readonly StaffRole[],
  municipalityCode: string,
  what: string,
): void {
  if (!mayActIn(staff.grants, roles, municipalityCode)) throw notFound(what);
}
