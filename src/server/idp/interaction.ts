import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from 'oidc-provider';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import { isValidBsn } from '../../domain/bsn';
import type { IdpSimulatorOptions } from './index';
import { pageHeaders } from './layout';
import { errorPage, loginPage } from './pages';
import type { LoginErrorCode } from './pages';
import { STAFF_ACCOUNT_PREFIX, staffLoginPage, type StaffLoginErrorCode } from './staff-pages';

interface InteractionRoutesOptions {
  provider: Provider;
  findPerson: IdpSimulatorOptions['findPerson'];
  listPersons: NonNullable<IdpSimulatorOptions['listPersons']>;
  findStaff: NonNullable<IdpSimulatorOptions['findStaff']>;
  listStaff: NonNullable<IdpSimulatorOptions['listStaff']>;
  /** Clients whose users are staff: their login page asks for a username instead of a BSN */
  staffClientIds: ReadonlySet<string>;
  /** Full public path of the provider, e.g. /idp. */
  issuerPath: string;
  formActionOrigins: string[];
}

type UidRequest = FastifyRequest<{ Params: { uid: string } }>;
type LoginRequest = FastifyRequest<{ Params: { uid: string }; Body: Record<string, string> | undefined }>;

// Users type BSNs with spaces or dots ("999 990 019"); those are not part of the number.
function normaliseBsn(typed: string): string {
  return typed.replace(/[\s.]/g, '');
}

/**
 * Our own interaction (login) endpoints, served by Fastify next to the mounted provider. They talk
 * to oidc-provider only through interactionDetails/interactionResult on the raw req/res, which
 * read the interaction cookie; the redirect back is an ordinary Fastify 303.
 */
export async function interactionRoutes(app: FastifyInstance, opts: InteractionRoutesOptions): Promise<void> {
  const { provider, findPerson, listPersons, findStaff, listStaff, staffClientIds, issuerPath, formActionOrigins } =
    opts;
  const isStaffLogin = (interaction: Interaction) => staffClientIds.has(String(interaction.params.client_id));
  const headers = pageHeaders(formActionOrigins);

  // Our own tiny urlencoded parser: the only body here is the login form. Whatever parsers the
  // host app registered are dropped in this scope so this does not depend on them. The body is
  // never logged: it holds a BSN.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const sendHtml = (reply: FastifyReply, status: number, html: string) =>
    reply.code(status).headers(headers).send(html);

  // An expired or foreign interaction (cookie gone, link opened in another browser) is the one
  // error a person can cause here; everything else is a bug and goes to Fastify's handler.
  const withInteraction =
    <R extends UidRequest>(handler: (request: R, reply: FastifyReply, interaction: Interaction) => Promise<unknown>) =>
    async (request: R, reply: FastifyReply) => {
      let interaction: Interaction;
      try {
        interaction = await provider.interactionDetails(request.raw, reply.raw);
      } catch (err) {
        if (!(err instanceof errors.SessionNotFound)) throw err;
        return sendHtml(
          reply,
          400,
          errorPage('Deze inlogpoging is verlopen. Ga terug naar de website en log opnieuw in.', 'interaction_expired'),
        );
      }
      if (interaction.uid !== request.params.uid) {
        return sendHtml(
          reply,
          400,
          errorPage(
            'Deze inlogpoging hoort niet bij deze pagina. Ga terug naar de website en log opnieuw in.',
            'interaction_mismatch',
          ),
        );
      }
      return handler(request, reply, interaction);
    };

  const finish = async (
    request: FastifyRequest,
    reply: FastifyReply,
    result: Parameters<Provider['interactionResult']>[2],
  ) => {
    const returnTo = await provider.interactionResult(request.raw, reply.raw, result);
    return reply.header('cache-control', 'no-store').redirect(returnTo, 303);
  };

  app.get(
    '/interaction/:uid',
    withInteraction(async (request: UidRequest, reply, interaction) => {
      if (interaction.prompt.name === 'login') {
        const interactionPath = `${issuerPath}/interaction/${interaction.uid}`;
        if (isStaffLogin(interaction))
          return sendHtml(reply, 200, staffLoginPage({ interactionPath, testStaff: await listStaff() }));
        return sendHtml(reply, 200, loginPage({ interactionPath, testPersons: await listPersons() }));
      }
      if (interaction.prompt.name === 'consent') {
        return finish(request, reply, { consent: { grantId: await grantEverythingAsked(provider, interaction) } });
      }
      return finish(request, reply, { error: 'access_denied', error_description: 'unsupported interaction' });
    }),
  );

  app.post(
    '/interaction/:uid/login',
    withInteraction(async (request: LoginRequest, reply, interaction) => {
      if (isStaffLogin(interaction)) return staffLogin(request, reply, interaction);
      const typedBsn = (request.body?.bsn ?? '').slice(0, 64);
      const bsn = normaliseBsn(typedBsn);
      let error: LoginErrorCode | undefined;
      if (!/^\d{9}$/.test(bsn)) error = 'BSN_LENGTH';
      else if (!isValidBsn(bsn)) error = 'BSN_INVALID';
      else if (!(await findPerson(bsn))) error = 'BSN_UNKNOWN';
      if (error) {
        const interactionPath = `${issuerPath}/interaction/${interaction.uid}`;
        return sendHtml(reply, 400, loginPage({ interactionPath, typedBsn, error, testPersons: await listPersons() }));
      }
      // remember: false gives a browser-session cookie; a simulator login should not outlive it.
      return finish(request, reply, { login: { accountId: bsn, remember: false } });
    }),
  );

  // A test person picked from the list: the same page, with the BSN filled in. A POST, so the
  // BSN never lands in a URL (proxy logs, history); logging in is still the tester's own click.
  app.post(
    '/interaction/:uid/kies',
    withInteraction(async (request: LoginRequest, reply, interaction) => {
      const interactionPath = `${issuerPath}/interaction/${interaction.uid}`;
      if (isStaffLogin(interaction))
        return sendHtml(reply, 200, staffLoginPage({ interactionPath, testStaff: await listStaff() }));
      const chosen = request.body?.bsn ?? '';
      const typedBsn = /^\d{9}$/.test(chosen) ? chosen : undefined;
      return sendHtml(reply, 200, loginPage({ interactionPath, typedBsn, testPersons: await listPersons() }));
    }),
  );

  // A staff client never takes a BSN, a resident client never a username: the two kinds of
  // account cannot be swapped by posting the other form.
  async function staffLogin(request: LoginRequest, reply: FastifyReply, interaction: Interaction) {
    const typed = (request.body?.username ?? '').slice(0, 64);
    const username = typed.trim().toLowerCase();
    let error: StaffLoginErrorCode | undefined;
    if (!/^[a-z0-9._-]{1,64}$/.test(username)) error = 'USERNAME_INVALID';
    else if (!(await findStaff(username))) error = 'USERNAME_UNKNOWN';
    if (error) {
      const interactionPath = `${issuerPath}/interaction/${interaction.uid}`;
      return sendHtml(
        reply,
        400,
        staffLoginPage({ interactionPath, typedUsername: typed, error, testStaff: await listStaff() }),
      );
    }
    return finish(request, reply, { login: { accountId: `${STAFF_ACCOUNT_PREFIX}${username}`, remember: false } });
  }

  // Annuleren: the RP gets error=access_denied on its redirect_uri, as with a real DigiD cancel.
  app.post(
    '/interaction/:uid/abort',
    withInteraction(async (request: UidRequest, reply) =>
      finish(request, reply, { error: 'access_denied', error_description: 'End-User aborted interaction' }),
    ),
  );
}

/**
 * Consent without a screen: every registered client is one of our own applications, so the
 * person implicitly agrees to what it asks for. Adds exactly the missing scopes/claims to the
 * existing grant (or a new one) and returns its id.
 */
async function grantEverythingAsked(provider: Provider, interaction: Interaction): Promise<string> {
  const accountId = interaction.session?.accountId;
  const clientId = interaction.params.client_id;
  if (!accountId || typeof clientId !== 'string') throw new Error('consent prompt without login or client');
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = interaction.prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  return grant.save();
}
