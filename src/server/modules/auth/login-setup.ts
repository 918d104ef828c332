/**
 * The relying parties for both kinds of login. Residents: an external DigiD broker
 * (OIDC_ISSUER) or the embedded simulator. Staff: the organisation's identity provider
 * (STAFF_OIDC_ISSUER) or, only while residents use the simulator too, the simulator's
 * "Medewerkers" page as a second client. With a real DigiD broker but no staff provider there
 * is no staff login at all: test staff accounts must never open a production system.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CustomFetch } from 'openid-client';
import type { AppContext } from '../../context';
import { idpSimulatorPlugin, type SimulatedStaff } from '../../idp/index';
import { IN_PROCESS_HEADER, IN_PROCESS_TOKEN } from '../../idp/mount';
import { todayInAmsterdam } from '../../../domain/dates';
import { demoResidents } from '../../demo/residents';
import { findPerson, storedBsns } from '../residents/queries';
import { findStaffBySubject, listStaffAccounts, type StaffAccount } from '../staff/accounts';
import { createRelyingParty, type RelyingParty } from './relying-party';

const SIMULATOR_CLIENT_ID = 'loket-resident';
const SIMULATOR_STAFF_CLIENT_ID = 'loket-staff';
/** What the staff client asks the simulator for; `staff` releases staff_id and roles */
const SIMULATOR_STAFF_SCOPE = 'openid profile staff';

export interface RelyingParties {
  resident: RelyingParty;
  /** null: no staff login on this server (see above) */
  staff: RelyingParty | null;
}

const residentRedirectUri = (ctx: AppContext) => `${ctx.config.publicUrl}/api/auth/callback`;
const staffRedirectUri = (ctx: AppContext) => `${ctx.config.publicUrl}/api/auth/staff/callback`;

function simulatedStaff(account: StaffAccount): SimulatedStaff {
  return { username: account.subject, name: account.name, roles: [...new Set(account.grants.map((g) => g.role))] };
}

export async function setUpLogins(app: FastifyInstance, ctx: AppContext): Promise<RelyingParties> {
  const { config } = ctx;
  const externalStaff = config.staffOidc
    ? createRelyingParty(config.staffOidc, staffRedirectUri(ctx), { scope: config.staffOidc.scope })
    : null;
  if (config.oidc) {
    return { resident: createRelyingParty(config.oidc, residentRedirectUri(ctx)), staff: externalStaff };
  }

  const issuer = `${config.publicUrl}/idp`;
  const residentSecret = randomBytes(24).toString('base64url');
  const staffSecret = randomBytes(24).toString('base64url');
  const active = (a: StaffAccount | undefined) => a && !a.disabledAt && a.consortiumId === ctx.consortium.id;
  await app.register(
    idpSimulatorPlugin({
      issuer,
      clients: [
        { clientId: SIMULATOR_CLIENT_ID, clientSecret: residentSecret, redirectUris: [residentRedirectUri(ctx)] },
        ...(externalStaff
          ? []
          : [
              {
                clientId: SIMULATOR_STAFF_CLIENT_ID,
                clientSecret: staffSecret,
                redirectUris: [staffRedirectUri(ctx)],
                kind: 'staff' as const,
              },
            ]),
      ],
      findPerson: async (bsn) => {
        const person = await findPerson(ctx.db, bsn);
        return person ? { bsn: person.bsn, name: person.name } : null;
      },
      // The consortium's demo residents that are in this database, so a tester can pick one.
      listPersons: async () => {
        const demo = demoResidents(ctx.consortium, todayInAmsterdam(ctx.clock.now()));
        const stored = await storedBsns(
          ctx.db,
          demo.map((r) => r.bsn),
        );
        return demo.filter((r) => stored.has(r.bsn)).map(({ bsn, name, description }) => ({ bsn, name, description }));
      },
      findStaff: async (username) => {
        const account = await findStaffBySubject(ctx.db, username);
        return active(account) ? simulatedStaff(account!) : null;
      },
      listStaff: async () =>
        (await listStaffAccounts(ctx.db, ctx.consortium.id)).filter((a) => !a.disabledAt).map(simulatedStaff),
      db: ctx.db,
      now: () => ctx.clock.now(),
    }),
    { prefix: '/idp' },
  );
  const inProcess = { fetch: fetchInProcess(app), allowHttp: issuer.startsWith('http:') };
  return {
    resident: createRelyingParty(
      { issuer, clientId: SIMULATOR_CLIENT_ID, clientSecret: residentSecret },
      residentRedirectUri(ctx),
      inProcess,
    ),
    staff:
      externalStaff ??
      createRelyingParty(
        { issuer, clientId: SIMULATOR_STAFF_CLIENT_ID, clientSecret: staffSecret },
        staffRedirectUri(ctx),
        {
          ...inProcess,
          scope: SIMULATOR_STAFF_SCOPE,
        },
      ),
  };
}

/**
 * The provider lives in this process: talk to it through inject() instead of the network,
 * so login works before the port is open, behind any proxy, and in inject-only tests.
 */
function fetchInProcess(app: FastifyInstance): CustomFetch {
  return async (url, init) => {
    const target = new URL(url);
    const response = await app.inject({
      method: init.method as 'GET' | 'POST',
      url: target.pathname + target.search,
      headers: {
        ...Object.fromEntries(new Headers(init.headers as ConstructorParameters<typeof Headers>[0])),
        host: target.host,
        // Served as if at the issuer's origin (https behind a proxy): see idp/mount.ts.
        [IN_PROCESS_HEADER]: IN_PROCESS_TOKEN,
      },
      ...(init.body ? { payload: String(init.body) } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) headers.append(name, String(v));
    }
    const empty = response.statusCode === 204 || response.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(response.rawPayload), { status: response.statusCode, headers });
  };
}
