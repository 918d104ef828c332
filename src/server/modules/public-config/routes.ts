import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { PublicConfig } from '../../../domain/api';
import type { Consortium } from '../../../domain/consortium';
import type { ModuleOptions } from '../../context';

/** Only what any visitor may know: name, look, offices. Cached briefly by the browser. */
function publicConfigOf(consortium: Consortium, simulated: boolean): PublicConfig {
  const place = (p: Consortium['centralOffice']) => ({
    id: p.id,
    name: p.name,
    address: p.address,
    openingHours: p.openingHours,
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.municipalityCode ? { municipalityCode: p.municipalityCode } : {}),
  });
  return {
    consortium: {
      id: consortium.id,
      name: consortium.name,
      shortName: consortium.shortName,
      phone: consortium.phone,
      website: consortium.website,
      theme: consortium.theme,
      centralOffice: place(consortium.centralOffice),
      localDesks: consortium.localDesks.map(place),
      municipalities: consortium.municipalities.map((m) => ({ code: m.code, name: m.name })),
    },
    login: { simulated },
  };
}

export async function publicConfigRoutes(fastify: FastifyInstance, { ctx }: ModuleOptions): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const body = publicConfigOf(ctx.consortium, ctx.config.oidc === null);
  app.get(
    '/config',
    {
      schema: {
        summary: 'Public facts about the consortium: name, theme, offices, login kind',
        tags: ['system'],
        response: { 200: PublicConfig },
      },
    },
    async (_request, reply) => {
      reply.header('Cache-Control', 'public, max-age=300');
      return body;
    },
  );
}
