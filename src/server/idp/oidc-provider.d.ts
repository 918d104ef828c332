/**
 * oidc-provider ships no TypeScript declarations and @types/oidc-provider is not installed, so
 * this declares the small part of its API the simulator uses. Kept deliberately narrow: anything
 * not listed here is not relied upon, which makes an upgrade easy to audit.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type ClaimsRecord = Record<string, unknown>;

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): ClaimsRecord | Promise<ClaimsRecord>;
  }

  /** The parts of the Koa context (plus ctx.oidc) that our configuration callbacks touch. */
  export interface KoaContextWithOIDC {
    type: string;
    body: unknown;
    status: number;
    set(field: string, value: string): void;
    oidc: {
      result?: { login?: unknown; consent?: unknown } | undefined;
      client?: { clientId: string; clientName?: string } | undefined;
    };
  }

  export interface ErrorOut {
    error: string;
    error_description?: string;
    state?: string;
  }

  export interface PromptDetails {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  }

  export interface Interaction {
    uid: string;
    returnTo: string;
    prompt: { name: string; reasons: string[]; details: PromptDetails };
    params: Record<string, unknown>;
    session?: { accountId?: string; uid?: string } | undefined;
    grantId?: string | undefined;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean; acr?: string; amr?: string[]; ts?: number };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  export interface GrantInstance {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    /** Persists the grant and resolves to its id. */
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): GrantInstance;
    find(id: string): Promise<GrantInstance | undefined>;
  }

  // Check and the error classes are only reachable through interactionPolicy and errors at
  // runtime, so they are declared as interfaces here rather than as top-level exports.
  export interface CheckInstance {
    reason: string;
  }

  export interface CheckConstructor {
    new (
      reason: string,
      description: string,
      check: (ctx: KoaContextWithOIDC) => boolean | Promise<boolean>,
    ): CheckInstance;
    REQUEST_PROMPT: true;
    NO_NEED_TO_PROMPT: false;
  }

  export interface Prompt {
    name: string;
    checks: CheckInstance[] & { add(check: CheckInstance, index?: number): void };
  }

  export const interactionPolicy: {
    Check: CheckConstructor;
    base(): Prompt[] & { get(name: string): Prompt | undefined };
  };

  export interface OIDCProviderError extends Error {
    error: string;
    error_description?: string;
    statusCode: number;
  }

  export const errors: {
    OIDCProviderError: new (...args: never[]) => OIDCProviderError;
    SessionNotFound: new (...args: never[]) => OIDCProviderError;
  };

  /** Loosely typed on purpose: the option tree is large; see docs/README.md of oidc-provider. */
  export type Configuration = Record<string, unknown>;

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    /** Koa's switch to trust X-Forwarded-Proto/Host/For. */
    proxy: boolean;
    readonly issuer: string;
    readonly Grant: GrantConstructor;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export default Provider;
}
