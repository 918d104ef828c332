/**
 * The audit trail of an assist session (issue 6 points 3 and 5): while front-desk staff use a
 * resident's own screens on their behalf, every resident API request is written to the audit
 * log with the member of staff as actor, role front_desk, on behalf of the resident, and the
 * purpose stated at the start. The resident reads these on "Wie keek in mijn gegevens".
 *
 * Written in preHandler, after the idempotency plugin opened the request's transaction:
 * - a read is logged before the handler runs, so before any data is sent (no unlogged reads);
 * - a change is logged in the change's own transaction (`dbFor`, inside the auditor): the entry
 *   and the change commit together, or neither does. A replayed change (Idempotent-Replayed)
 *   is answered by the idempotency plugin before this hook, and is not logged twice.
 * Routes that hold no resident data (login, health, configuration) and the staff API (which
 * logs for itself) are left out. Registered in app.ts right after the auditor.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { auditPurposeOf } from '../../../domain/assist';
import type { AuditAction, AuditObjectType } from '../../../domain/staff';
import type { ResidentAssist } from './session';

/** Not about the resident's data, or audited elsewhere */
const NOT_AUDITED = /^\/api\/(auth|staff|health|config|openapi\.json)(\/|$)/;
/** POST routes that change an existing object rather than create one */
const CHANGE_VERBS = new Set(['cancel', 'reschedule', 'accept-alternative']);

const OBJECT_TYPES: Array<[RegExp, AuditObjectType]> = [
  [/^\/api\/me\/access-log/, 'access_log'],
  [/^\/api\/me(\/|$)/, 'resident'],
  [/^\/api\/applications\/:[^/]+\/documents/, 'document'],
  [/^\/api\/uploads/, 'document'],
  [/^\/api\/applications/, 'case'],
  [/^\/api\/appointments/, 'appointment'],
  [/^\/api\/callback-requests/, 'callback_request'],
  [/^\/api\/home-visits/, 'home_visit'],
];

function auditedObjectType(routeUrl: string): AuditObjectType {
  return OBJECT_TYPES.find(([pattern]) => pattern.test(routeUrl))?.[1] ?? 'resident';
}

function auditedAction(method: string, routeUrl: string): AuditAction {
  if (method === 'GET' || method === 'HEAD') return routeUrl.endsWith('/content') ? 'download' : 'read';
  if (method === 'POST' && !CHANGE_VERBS.has(routeUrl.split('/').at(-1) ?? '')) return 'create';
  return 'update';
}

/** The most specific id in the path (a document within a case, else the object itself) */
function objectIdOf(request: FastifyRequest): string | null {
  const params = (request.params ?? {}) as Record<string, unknown>;
  for (const name of ['documentId', 'uploadId', 'requestId', 'id', 'caseId']) {
    const value = params[name];
    if (typeof value === 'string' && value !== '') return value.slice(0, 100);
  }
  return null;
}

export const assistAuditPlugin = fp(async (app: FastifyInstance) => {
  const audit = async (request: FastifyRequest, assist: ResidentAssist): Promise<void> => {
    const routeUrl = request.routeOptions.url;
    if (!routeUrl || NOT_AUDITED.test(routeUrl)) return;
    await app.auditor.allowed(request, {
      actor: assist.staffAccountId,
      role: assist.role,
      action: auditedAction(request.method, routeUrl),
      objectType: auditedObjectType(routeUrl),
      objectId: objectIdOf(request),
      residentBsn: request.resident!.bsn,
      purpose: auditPurposeOf(assist.purpose),
    });
  };

  // A plain callback: only a request of an assist session has anything to do (issue 16).
  app.addHook('preHandler', (request, _reply, done) => {
    const assist = request.resident?.assist;
    if (!assist) return done();
    audit(request, assist).then(() => done(), done);
  });
});
