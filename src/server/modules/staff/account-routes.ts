/**
 * Who is signed in (any staff role), and account management for administrators: list the
 * accounts of this consortium and disable one, which ends its sessions at once (issue 6
 * point 4). An administrator cannot disable themselves (a consortium must keep one).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import { administers, STAFF_ROLES, type StaffRole } from '../../../domain/staff';
import { AccountParams, StaffAccountList, StaffMe } from '../../../domain/staff-api';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { dbFor } from '../../idempotency';
import { disableStaffAccount, findStaffById, listStaffAccounts, type StaffAccount } from './accounts';
import { requireStaff } from './session';

const ADMIN: readonly StaffRole[] = ['administrator'];
const errors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

const toInfo = (a: StaffAccount) => ({
  id: a.id,
  name: a.name,
  username: a.subject,
  grants: a.grants,
  disabledAt: a.disabledAt?.toISOString() ?? null,
});

export async function accountRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/me',
    {
      config: { staffRoles: STAFF_ROLES },
      schema: {
        summary: 'The signed-in member of staff, their grants and session expiry',
        tags: ['staff'],
        response: { 200: StaffMe, 401: ErrorResponse },
      },
    },
    async (request) => {
      const staff = requireStaff(request, STAFF_ROLES);
      return {
        staff: { id: staff.accountId, name: staff.name, grants: staff.grants },
        session: {
          idleExpiresAt: staff.idleExpiresAt.toISOString(),
          absoluteExpiresAt: staff.absoluteExpiresAt.toISOString(),
        },
      };
    },
  );

  app.get(
    '/accounts',
    {
      config: { staffRoles: ADMIN },
      schema: {
        summary: 'Staff accounts of this consortium',
        tags: ['staff'],
        response: { 200: StaffAccountList, ...errors },
      },
    },
    async (request) => {
      const staff = requireStaff(request, ADMIN);
      const accounts = await listStaffAccounts(ctx.db, ctx.consortium.id);
      // Only the accounts of this administrator's municipalities (all of them for a
      // consortium-wide administrator).
      return { accounts: accounts.filter((a) => administers(staff.grants, a.grants)).map(toInfo) };
    },
  );

  app.post(
    '/accounts/:accountId/disable',
    {
      config: { staffRoles: ADMIN },
      schema: {
        summary: 'Disable a staff account; its sessions end at once',
        description: 'Requires an Idempotency-Key header.',
        tags: ['staff'],
        params: AccountParams,
        response: { 200: StaffAccountList.properties.accounts.items, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => {
      const staff = requireStaff(request, ADMIN);
      const db = dbFor(request, ctx);
      const account = await findStaffById(db, request.params.accountId);
      if (!account || account.consortiumId !== ctx.consortium.id || !administers(staff.grants, account.grants)) {
        throw notFound('Staff account');
      }
      if (account.id === staff.accountId)
        throw new AppError(409, 'STAFF_ACCOUNT_SELF', 'You cannot disable your own account');
      await disableStaffAccount(db, ctx.clock, account.id, staff.accountId);
      await app.auditor.allowed(request, {
        role: 'administrator',
        action: 'disable',
        objectType: 'staff_account',
        objectId: account.id,
        purpose: 'account_management',
      });
      return toInfo((await findStaffById(db, account.id))!);
    },
  );
}
