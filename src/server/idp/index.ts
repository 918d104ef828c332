import type { FastifyPluginAsync } from 'fastify';
import { interactionRoutes } from './interaction';
import { mountProvider } from './mount';
import { clientOrigins, createSimulatorProvider } from './provider';
import type { Kysely } from 'kysely';
import type { StaffRole } from '../../domain/staff';
import type { Database } from '../db/schema';

/**
 * DigiD simulator: a real OpenID Connect provider (oidc-provider) with our own Dutch login page,
 * used when no external issuer is configured, so the RP runs the real code + PKCE redirect flow
 * in development and e2e tests. Test persons only; never a stand-in for DigiD in production.
 */

interface SimulatedPerson {
  bsn: string;
  name: string;
}

/** A test resident listed on the login page: what a tester will see after logging in. */
export interface TestPerson extends SimulatedPerson {
  description: string;
}

/** A test member of staff: `username` is what they type, and the staff id claim. */
export interface SimulatedStaff {
  username: string;
  name: string;
  roles: StaffRole[];
}

export interface IdpSimulatorOptions {
  /** Absolute, e.g. 'http://localhost:8080/idp'; its path must equal the register() prefix. */
  issuer: string;
  clients: Array<{
    clientId: string;
    clientSecret: string;
    redirectUris: string[];
    postLogoutRedirectUris?: string[];
    /** 'staff': the client's login page is the "Medewerkers" form (username), not the BSN form */
    kind?: 'resident' | 'staff';
  }>;
  /** Only seeded test persons may log in. */
  findPerson(bsn: string): Promise<SimulatedPerson | null>;
  /** Test residents listed on the login page (each fills the BSN field); absent: none listed. */
  listPersons?(): Promise<TestPerson[]>;
  /** Only seeded test staff may log in through a staff client; absent: no staff logins. */
  findStaff?(username: string): Promise<SimulatedStaff | null>;
  /** Test staff listed on the staff login page, so a first-time tester knows what to type. */
  listStaff?(): Promise<SimulatedStaff[]>;
  /** Keys for the provider's signed cookies; random per start when absent (and no `db`). */
  cookieKeys?: string[];
  /**
   * Where logins in progress and the keys live, so every instance on this database continues a
   * login another one started; absent: in this process only (the simulator's own tests).
   */
  db?: Kysely<Database>;
  now?: () => Date;
}

export function idpSimulatorPlugin(opts: IdpSimulatorOptions): FastifyPluginAsync {
  return async (app) => {
    const issuerPath = new URL(opts.issuer).pathname.replace(/\/$/, '');
    // oidc-provider puts the issuer path in every URL it builds; a different mount point would
    // hand out endpoints that do not exist.
    if (app.prefix !== issuerPath) {
      throw new Error(
        `idpSimulatorPlugin: register it with prefix '${issuerPath}' (the issuer's path), got '${app.prefix}'`,
      );
    }

    const provider = await createSimulatorProvider(opts);
    // oidc-provider's events carry account ids (= BSNs), so none are logged. Only failures are,
    // as a name and message: neither contains request data.
    provider.on('server_error', (_ctx, err) => app.log.error({ err: summarise(err) }, 'idp simulator: server error'));
    provider.on('error', (err) => {
      // Koa also reports errors it exposed to the client itself (4xx); those are not failures.
      if ((err as { expose?: boolean } | undefined)?.expose) return;
      app.log.error({ err: summarise(err) }, 'idp simulator: unhandled error');
    });

    const formActionOrigins = clientOrigins(opts.clients);
    await app.register(interactionRoutes, {
      provider,
      findPerson: opts.findPerson,
      listPersons: opts.listPersons ?? (async () => []),
      findStaff: opts.findStaff ?? (async () => null),
      listStaff: opts.listStaff ?? (async () => []),
      staffClientIds: new Set(opts.clients.filter((c) => c.kind === 'staff').map((c) => c.clientId)),
      issuerPath,
      formActionOrigins,
    });
    await app.register(mountProvider, { provider, issuer: opts.issuer, issuerPath });
  };
}

function summarise(err: unknown): { name: string; message: string } {
  return err instanceof Error ? { name: err.name, message: err.message } : { name: 'Unknown', message: String(err) };
}
