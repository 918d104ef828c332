/**
 * The server as OpenID Connect relying party (authorization code flow with PKCE), with
 * `openid-client`. Points at a DigiD broker in production, at the embedded simulator otherwise.
 */
import * as oidc from 'openid-client';
import type { OidcClientConfig } from '../../config';

interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface RelyingParty {
  startLogin(): Promise<AuthorizationRequest>;
  /** Returns the verified claims of the ID token */
  finishLogin(
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<Record<string, unknown>>;
}

export function createRelyingParty(
  settings: Pick<OidcClientConfig, 'issuer' | 'clientId' | 'clientSecret'>,
  redirectUri: string,
  /** scope: 'openid bsn' for residents (DigiD brokers); staff ask for their own claims */
  options: { fetch?: oidc.CustomFetch; allowHttp?: boolean; scope?: string } = {},
): RelyingParty {
  let configuration: Promise<oidc.Configuration> | null = null;

  // Discovery is lazy (first login), so the server starts even while the broker is down,
  // and is retried on the next login when it failed.
  const discover = () => {
    configuration ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        ...(options.fetch ? { [oidc.customFetch]: options.fetch } : {}),
        ...(options.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        configuration = null;
        throw error;
      });
    return configuration;
  };

  return {
    async startLogin() {
      const config = await discover();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: options.scope ?? 'openid bsn',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        // Always ask for the credentials again: on a shared computer the previous person's
        // session at the identity provider must never log the next person in.
        prompt: 'login',
      });
      return { url, state, nonce, codeVerifier };
    },

    async finishLogin(callbackUrl, checks) {
      const config = await discover();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      return (tokens.claims() ?? {}) as Record<string, unknown>;
    },
  };
}
