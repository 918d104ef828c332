/**
 * Front-desk help for a walk-in (issue 6 point 3), under /api/staff/assist, for front-desk staff:
 *
 * - POST /search: find a resident by BSN (elfproef-checked: 422 BSN_INVALID) or by case
 *   reference. Answers the name and municipality only within the staff's municipalities;
 *   outside them the answer is 404, exactly as for someone who does not exist. Audited.
 * - POST /: start an assist session for a stated purpose: a resident session marked as
 *   assisted, its cookie set in the desk's browser, so the resident's own screens and API work
 *   unchanged. Audited ('create', with the purpose) BEFORE the session exists: no unlogged help.
 * - POST /end: end it, clear the resident cookie, and tell the browser to clear its cache and
 *   storage (not its cookies: the staff session stays, for the next person in the queue).
 *
 * Search and start carry a BSN in the body, never in a URL. None of the three uses the
 * idempotency plugin (`idempotency: false`), like login and logout: search and end change no
 * dossier, and a start creates a session whose cookie a replayed answer could not give back
 * (the token is never stored). Every request of the assist session itself is audited by
 * audit.ts.
 */
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorResponse } from '../../../domain/api';
import { auditPurposeOf, ASSIST_ABSOLUTE_HOURS, purposeTextProblem } from '../../../domain/assist';
import {
  AssistLookup,
  AssistSearchResult,
  AssistSessionResponse,
  NewAssistSession,
  type AssistResident,
} from '../../../domain/assist-api';
import { isValidBsn } from '../../../domain/bsn';
import { mayActIn, type StaffRole } from '../../../domain/staff';
import { caseSystemFor } from '../../case-system/index';
import type { AppContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { isSecure, sessionCookieName } from '../auth/session-hook';
import { endSession, sessionTokenHash, startAssistSession } from '../auth/sessions';
import { findPerson } from '../residents/queries';
import { ASSIST_ROLE } from './session';
import { requireStaff, staffCookieName, type SignedInStaff } from '../staff/session';

const ASSIST_ROLES: readonly StaffRole[] = [ASSIST_ROLE];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };

interface FoundResident {
  bsn: string;
  resident: AssistResident;
  /** What the search found, for the audit log: a case by its id, a person by nothing (no BSN in the log) */
  object: { type: 'case' | 'resident'; id: string | null };
}

function municipalityName(ctx: AppContext, code: string, city: string): string {
  return (
    ctx.consortium.municipalities.find((m) => m.code === code)?.name ??
    ctx.consortium.elsewhere.contacts.find((m) => m.code === code)?.name ??
    city
  );
}

/**
 * The resident named by a BSN or a case reference, within the staff's municipalities (the
 * resident's municipality; for a reference, the case's, as for case workers). 404 otherwise,
 * the same answer as for nobody; a hit outside the scope is logged as a refusal.
 */
async function findResident(
  ctx: AppContext,
  request: FastifyRequest,
  staff: SignedInStaff,
  lookup: AssistLookup,
): Promise<FoundResident> {
  const bsn = lookup.bsn?.replace(/[\s.-]/g, '');
  const reference = lookup.reference?.trim();
  if (!bsn === !reference) throw new AppError(422, 'ASSIST_LOOKUP_REQUIRED', 'Send either a BSN or a case reference');
  let scopeCode: string;
  let found: FoundResident['object'];
  let residentBsn: string;
  if (bsn) {
    if (!isValidBsn(bsn)) throw new AppError(422, 'BSN_INVALID', 'This is not a valid BSN (elfproef)');
    residentBsn = bsn;
    const person = await findPerson(ctx.db, bsn);
    if (!person) throw notFound('Resident');
    scopeCode = person.municipality_code;
    found = { type: 'resident', id: null };
  } else {
    const row = await caseSystemFor(ctx, ctx.db).caseByReference(reference!);
    if (!row) throw notFound('Resident');
    residentBsn = row.bsn;
    scopeCode = row.municipality_code;
    found = { type: 'case', id: row.id };
  }
  const person = await findPerson(ctx.db, residentBsn);
  if (!person) throw notFound('Resident');
  if (!mayActIn(staff.grants, ASSIST_ROLES, scopeCode)) {
    await request.server.auditor.denied(request, {
      role: ASSIST_ROLE,
      action: 'search',
      objectType: found.type,
      objectId: found.id,
      purpose: null,
    });
    throw notFound('Resident');
  }
  const code = person.municipality_code;
  return {
    bsn: residentBsn,
    resident: { name: person.name, municipality: { code, name: municipalityName(ctx, code, person.city) } },
    object: found,
  };
}

export async function assistRoutes(fastify: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const residentCookie = sessionCookieName(ctx);
  // As at a resident's own login (auth/routes.ts): the resident's screens need it on navigation.
  const residentCookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: isSecure(ctx) };
  const config = { staffRoles: ASSIST_ROLES, idempotency: false as const };

  app.post(
    '/search',
    {
      config,
      schema: {
        summary:
          'Front desk: find a resident by BSN or case reference (name and municipality, within your municipalities)',
        tags: ['staff'],
        body: AssistLookup,
        response: { 200: AssistSearchResult, ...errors },
      },
    },
    async (request) => {
      const staff = requireStaff(request, ASSIST_ROLES);
      const found = await findResident(ctx, request, staff, request.body);
      await app.auditor.allowed(request, {
        role: ASSIST_ROLE,
        action: 'search',
        objectType: found.object.type,
        objectId: found.object.id,
        residentBsn: found.bsn,
        purpose: 'walk_in_assistance',
      });
      return { resident: found.resident };
    },
  );

  app.post(
    '/',
    {
      config,
      schema: {
        summary: "Front desk: open the resident's own screens in this browser, for a stated purpose (assist session)",
        tags: ['staff'],
        body: NewAssistSession,
        response: { 201: AssistSessionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ASSIST_ROLES);
      const { purpose } = request.body;
      const found = await findResident(ctx, request, staff, request.body);
      const problem = purposeTextProblem(purpose, request.body.purposeText);
      if (problem)
        throw new AppError(
          422,
          'ASSIST_PURPOSE_TEXT_REQUIRED',
          `The purpose text is ${problem === 'required' ? 'required for "other"' : 'too long'}`,
        );
      const purposeText = request.body.purposeText?.trim() || null;
      const staffToken = request.cookies[staffCookieName(ctx)]!;

      await app.auditor.allowed(request, {
        role: ASSIST_ROLE,
        action: 'create',
        objectType: 'assist_session',
        objectId: null,
        residentBsn: found.bsn,
        purpose: auditPurposeOf(purpose),
      });
      // A new token every time; whatever resident session this browser had ends now.
      const previous = request.cookies[residentCookie];
      if (previous) await endSession(ctx.db, ctx.clock, previous, 'replaced');
      const now = ctx.clock.now();
      const token = await startAssistSession(ctx.db, ctx.clock, {
        bsn: found.bsn,
        staffAccountId: staff.accountId,
        staffSessionHash: sessionTokenHash(staffToken),
        role: ASSIST_ROLE,
        purpose,
        purposeText,
        // Never longer than the staff session that opens it.
        absoluteExpiresAt: new Date(
          Math.min(now.getTime() + ASSIST_ABSOLUTE_HOURS * 3_600_000, staff.absoluteExpiresAt.getTime()),
        ),
      });
      reply.setCookie(residentCookie, token, residentCookieOptions);
      request.log.info({ event: 'assist_start' }, 'front desk started an assist session');
      return reply.status(201).send({ resident: found.resident, assist: { purpose, purposeText } });
    },
  );

  app.post(
    '/end',
    {
      config,
      schema: {
        summary: "Front desk: end the assist session; the browser clears the resident's cookie, cache and storage",
        tags: ['staff'],
        response: { 204: Type.Null(), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      const staff = requireStaff(request, ASSIST_ROLES);
      const token = request.cookies[residentCookie];
      if (token) {
        const session = await ctx.db
          .selectFrom('sessions')
          .select(['subject', 'assist_purpose', 'assist_staff_account_id'])
          .where('id_hash', '=', sessionTokenHash(token))
          .where('kind', '=', 'resident')
          .where('ended_at', 'is', null)
          .executeTakeFirst();
        const assist = request.resident?.assist;
        if (session && assist && session.assist_staff_account_id === staff.accountId) {
          await app.auditor.allowed(request, {
            role: ASSIST_ROLE,
            action: 'logout',
            objectType: 'assist_session',
            objectId: null,
            residentBsn: session.subject,
            purpose: auditPurposeOf(assist.purpose),
          });
        }
        // Whatever resident session this desk browser holds ends: the next person starts clean.
        await endSession(ctx.db, ctx.clock, token, 'assist_ended');
      }
      reply.clearCookie(residentCookie, residentCookieOptions);
      // Not "cookies": the staff session stays, so the desk can help the next person.
      reply.header('Clear-Site-Data', '"cache", "storage"');
      request.log.info({ event: 'assist_end' }, 'front desk ended an assist session');
      return reply.status(204).send(null);
    },
  );
}
