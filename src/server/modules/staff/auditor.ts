/**
 * The one helper every staff route uses to write the audit log (issue 6 point 5): who (the
 * staff account and the role it acted in), what (action, object), the result, from where
 * (IP, device hint), for whom (the resident's opaque key, never the BSN) and why (purpose).
 *
 * Allowed reads are written BEFORE the data is sent: if the entry cannot be written the read
 * fails (no unlogged reads). Allowed changes are written in the change's own transaction.
 * Denials are written at once, or, when a change's transaction is open (and will roll back),
 * right after the response, so a refused attempt is never lost with the rollback.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditAction, AuditObjectType, AuditPurpose, StaffRole } from '../../../domain/staff';
import { appendAuditEntry, type AuditEntry } from '../../audit/append';
import { deviceHint } from '../../audit/origin';
import type { AppContext } from '../../context';
import { dbFor } from '../../idempotency';
import { residentKeyDeriver } from '../residents/resident-key';

export interface AuditFacts {
  action: AuditAction;
  objectType: AuditObjectType;
  objectId: string | null;
  /** Whose dossier; stored only as the opaque resident key */
  residentBsn?: string | null;
  purpose: AuditPurpose | null;
  /** The role acted in; for a refusal, every role the account holds */
  role: StaffRole | string;
  /** Defaults to the signed-in staff account */
  actor?: string;
}

interface Auditor {
  allowed(request: FastifyRequest, facts: AuditFacts): Promise<void>;
  denied(request: FastifyRequest, facts: AuditFacts): Promise<void>;
  /** The opaque key the log stores for a resident (also what the resident's own log is found by) */
  residentKey(bsn: string): string;
}

declare module 'fastify' {
  interface FastifyInstance {
    auditor: Auditor;
  }
  interface FastifyRequest {
    pendingAuditDenials: AuditEntry[] | null;
  }
}

export const auditPlugin = fp(async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
  const residentKey = await residentKeyDeriver(ctx.db);

  const entryFor = (request: FastifyRequest, facts: AuditFacts, result: AuditEntry['result']): AuditEntry => ({
    actor: facts.actor ?? request.staff?.accountId ?? 'unknown',
    actor_role: facts.role,
    action: facts.action,
    object_type: facts.objectType,
    object_id: facts.objectId,
    result,
    origin_ip: request.ip ?? null,
    device: deviceHint(request.headers['user-agent']),
    on_behalf_of: facts.residentBsn ? residentKey(facts.residentBsn) : null,
    purpose: facts.purpose,
  });

  const auditor: Auditor = {
    async allowed(request, facts) {
      await appendAuditEntry(dbFor(request, ctx), ctx.clock, entryFor(request, facts, 'allowed'));
    },
    async denied(request, facts) {
      const entry = entryFor(request, facts, 'denied');
      if (request.idempotency && !request.idempotency.settled) {
        (request.pendingAuditDenials ??= []).push(entry);
        return;
      }
      await appendAuditEntry(ctx.db, ctx.clock, entry);
    },
    residentKey,
  };
  app.decorate('auditor', auditor);
  app.decorateRequest('pendingAuditDenials', null);

  // The idempotency plugin (registered before this one) settles the request's transaction in
  // its onSend hook; ours runs after it, so the denial is written before the answer goes out.
  const flush = async (request: FastifyRequest, pending: AuditEntry[]) => {
    request.pendingAuditDenials = null;
    for (const entry of pending) {
      await appendAuditEntry(ctx.db, ctx.clock, entry).catch((error: unknown) =>
        request.log.error({ err: { message: (error as Error).message } }, 'audit: writing a denial failed'),
      );
    }
  };
  /** The denials to write now: none while the request's transaction is still open. */
  const due = (request: FastifyRequest): AuditEntry[] | null => {
    const pending = request.pendingAuditDenials;
    return pending && !(request.idempotency && !request.idempotency.settled) ? pending : null;
  };
  // Plain callbacks: nearly every request has no denial to write and passes without a promise.
  app.addHook('onSend', (request, _reply, payload, done) => {
    const pending = due(request);
    if (!pending) return done(null, payload);
    void flush(request, pending).then(() => done(null, payload));
  });
  // A request that never reached onSend (client gone): by now its transaction is rolled back.
  app.addHook('onResponse', (request, _reply, done) => {
    const pending = due(request);
    if (!pending) return done();
    void flush(request, pending).then(() => done());
  });
});
