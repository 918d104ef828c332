import Provider, { interactionPolicy } from 'oidc-provider';
import type { Account, Configuration, ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import type { IdpSimulatorOptions } from './index';
import { generateCookieKeys, generateSigningJwk } from './keys';
import { createDatabaseAdapter } from './database-adapter';
import { ensureSetting } from '../settings';
import { pageHeaders } from './layout';
import { createMemoryAdapter } from './memory-adapter';
import { errorPage, loggedOutPage, logoutPage } from './pages';
import { STAFF_ACCOUNT_PREFIX } from './staff-pages';

/**
 * Scopes and the claims they release. `bsn` is our custom scope for the citizen service number
 * as DigiD brokers hand it out; `name` rides on the standard `profile` scope. An RP asks for
 * `openid profile bsn`.
 */
const SIMULATOR_CLAIMS = {
  openid: ['sub'],
  profile: ['name'],
  bsn: ['bsn'],
  // For staff clients, as an organisation's identity provider would: an employee id and roles.
  staff: ['staff_id', 'roles'],
} as const;

/** Cookie names prefixed so they cannot collide with the relying party's cookies on one host. */
const SIMULATOR_COOKIE_NAMES = {
  session: 'idp_session',
  interaction: 'idp_interaction',
  resume: 'idp_interaction_resume',
} as const;

/** Origins a form on our pages may end up at: ours plus every registered client's. */
export function clientOrigins(clients: IdpSimulatorOptions['clients']): string[] {
  const uris = clients.flatMap((c) => [...c.redirectUris, ...(c.postLogoutRedirectUris ?? [])]);
  return [...new Set(uris.map((uri) => new URL(uri).origin))];
}

function sendPage(ctx: KoaContextWithOIDC, html: string, origins: string[]): void {
  for (const [name, value] of Object.entries(pageHeaders(origins))) ctx.set(name, value);
  ctx.body = html;
}

/**
 * Every authorization request shows the login page, even with a live simulator session. Without
 * this, a second login in the same browser (an e2e test switching residents) would silently reuse
 * the first person. The check is satisfied once this very request has a login result.
 */
function alwaysAskForLogin() {
  const policy = interactionPolicy.base();
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check('simulator_fresh_login', 'the simulator asks for a BSN on every request', (ctx) =>
        ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
      ),
    );
  return policy;
}

/**
 * The signing key and cookie keys: with a database, made once and kept there, so every instance
 * signs and reads alike (an interaction cookie set by one instance is read by the next).
 */
async function simulatorKeys(
  opts: IdpSimulatorOptions,
): Promise<{ signing: Record<string, unknown>; cookies: string[] }> {
  if (opts.cookieKeys?.length || !opts.db) {
    return {
      signing: await generateSigningJwk(),
      cookies: opts.cookieKeys?.length ? opts.cookieKeys : generateCookieKeys(),
    };
  }
  const fresh = await generateSigningJwk();
  const signing = await ensureSetting(opts.db, 'idp_signing_jwk', () => JSON.stringify(fresh));
  const cookies = await ensureSetting(opts.db, 'idp_cookie_keys', () => JSON.stringify(generateCookieKeys()));
  return { signing: JSON.parse(signing) as Record<string, unknown>, cookies: JSON.parse(cookies) as string[] };
}

export async function createSimulatorProvider(opts: IdpSimulatorOptions): Promise<Provider> {
  const issuerPath = new URL(opts.issuer).pathname.replace(/\/$/, '');
  const origins = clientOrigins(opts.clients);
  const keys = await simulatorKeys(opts);

  const configuration: Configuration = {
    // In the database when there is one, so several instances share logins in progress.
    adapter: opts.db ? createDatabaseAdapter(opts.db, opts.now ?? (() => new Date())) : createMemoryAdapter(),
    clients: opts.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // oidc-provider accepts client_secret_post as well for a client registered as _basic.
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    pkce: { required: () => true }, // only S256 exists in oidc-provider 9
    scopes: Object.keys(SIMULATOR_CLAIMS),
    claims: SIMULATOR_CLAIMS,
    // Put scope claims (bsn, name) in the ID token too, not only in userinfo, as brokers do.
    conformIdTokenClaims: false,
    // sub = BSN: the accounts are seeded test persons, and it keeps the simulator stateless.
    // RPs must still read the `bsn` claim, because real brokers may issue a pseudonymous sub.
    async findAccount(_ctx: unknown, sub: string): Promise<Account | undefined> {
      if (sub.startsWith(STAFF_ACCOUNT_PREFIX)) {
        const staff = await opts.findStaff?.(sub.slice(STAFF_ACCOUNT_PREFIX.length));
        if (!staff) return undefined;
        return {
          accountId: sub,
          claims: () => ({ sub, staff_id: staff.username, name: staff.name, roles: staff.roles }),
        };
      }
      const person = await opts.findPerson(sub);
      if (!person) return undefined;
      return {
        accountId: person.bsn,
        claims: () => ({ sub: person.bsn, bsn: person.bsn, name: person.name }),
      };
    },
    jwks: { keys: [keys.signing] },
    cookies: {
      keys: keys.cookies,
      names: SIMULATOR_COOKIE_NAMES,
      // The session cookie only needs to reach the provider, not the RP's /api.
      long: { httpOnly: true, sameSite: 'lax', path: issuerPath || '/' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    interactions: {
      policy: alwaysAskForLogin(),
      url: (_ctx: unknown, interaction: { uid: string }) => `${issuerPath}/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => sendPage(ctx, logoutPage(form), origins),
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => sendPage(ctx, loggedOutPage(), origins),
      },
      // Not needed by our RPs; off keeps the surface (and discovery document) small.
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
    },
    renderError: (ctx: KoaContextWithOIDC, out: ErrorOut) => {
      sendPage(
        ctx,
        errorPage(
          'Het inloggen kon niet worden gestart of afgemaakt. Ga terug naar de website en probeer het opnieuw.',
          out.error,
        ),
        origins,
      );
    },
    // Our RPs are server-side confidential clients: no browser CORS calls to this provider.
    clientBasedCORS: () => false,
    ttl: {
      AuthorizationCode: 60, // short-lived: the RP redeems it within the callback request
      AccessToken: 5 * 60,
      IdToken: 5 * 60,
      Interaction: 10 * 60,
      Session: 15 * 60,
      Grant: 15 * 60,
    },
  };

  return new Provider(opts.issuer, configuration);
}
