import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse, Me, SessionCheck } from '../../../domain/api';
import { whereToGo } from '../../../domain/consortium';
import { amsterdamDateOf } from '../../../domain/dates';
import type { ModuleOptions } from '../../context';
import { unauthenticated } from '../../errors';
import { requireResident, type SignedInResident } from '../auth/session-hook';
import { findPerson } from './queries';
import { residentKeyDeriver } from './resident-key';

export async function residentRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const residentKey = await residentKeyDeriver(ctx.db);
  /** The resident of this session as the app shows them; null when the person is gone. */
  async function meOf(signedIn: SignedInResident): Promise<Me | null> {
    const person = await findPerson(ctx.db, signedIn.bsn);
    if (!person) return null;
    const today = amsterdamDateOf(ctx.clock.now());
    const municipality =
      ctx.consortium.municipalities.find((m) => m.code === person.municipality_code)?.name ??
      ctx.consortium.elsewhere.contacts.find((m) => m.code === person.municipality_code)?.name ??
      person.city;
    return {
      resident: {
        key: residentKey(person.bsn),
        name: person.name,
        municipality: { code: person.municipality_code, name: municipality },
      },
      elsewhere: whereToGo(ctx.consortium, person.municipality_code, today, municipality),
      session: {
        idleExpiresAt: signedIn.idleExpiresAt.toISOString(),
        absoluteExpiresAt: signedIn.absoluteExpiresAt.toISOString(),
      },
      // Front-desk staff are using this session for the resident: the app frames every page.
      assist: signedIn.assist ? { purpose: signedIn.assist.purpose, purposeText: signedIn.assist.purposeText } : null,
    };
  }

  app.get(
    '/me',
    {
      schema: {
        summary: 'The signed-in resident, and where to go when their municipality does not take part',
        tags: ['residents'],
        response: { 200: Me, 401: ErrorResponse },
      },
    },
    async (request) => {
      const me = await meOf(requireResident(request));
      if (!me) throw unauthenticated();
      return me;
    },
  );

  app.get(
    '/session',
    {
      schema: {
        summary: "The app's session check: the signed-in resident, or null when nobody is signed in",
        description:
          'Always 200, so a visitor who is not signed in makes no failed request; the same answer as /api/me ' +
          'when a resident is signed in (and it renews the session as any request does).',
        tags: ['residents'],
        response: { 200: SessionCheck },
      },
    },
    async (request) => ({ me: request.resident ? await meOf(request.resident) : null }),
  );
}
