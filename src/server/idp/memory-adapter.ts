/**
 * In-memory storage for oidc-provider's models (sessions, interactions, codes, tokens, grants).
 * Good enough for the simulator only: state is per process and gone on restart, which costs at
 * most a half-finished login. Our own instead of oidc-provider's built-in one because that one
 * prints a "you MUST change it" warning on every start, and shares one store across providers.
 */
type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

interface Entry {
  payload: Payload;
  expiresAt: number; // ms epoch; Infinity when the model has no expiry
}

const SWEEP_EVERY_WRITES = 200;

/**
 * The models a grant's revocation ends (as oidc-provider's reference adapter keeps them). Not
 * every model with a grantId: an Interaction carries the grant it may extend, and removing it
 * made a second login in the same browser fail with "interaction session not found" once the
 * first person's session was ended.
 */
export const GRANTABLE_MODELS: ReadonlySet<string> = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

export function createMemoryAdapter(): (model: string) => MemoryAdapter {
  const store = new Map<string, Entry>();
  let writes = 0;

  const read = (key: string): Entry | undefined => {
    const entry = store.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry;
  };

  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of store) if (entry.expiresAt <= now) store.delete(key);
  };

  const findWhere = (model: string, match: (payload: Payload) => boolean): Payload | undefined => {
    for (const [key, entry] of store) {
      if (key.startsWith(`${model}:`) && entry.expiresAt > Date.now() && match(entry.payload)) return entry.payload;
    }
    return undefined;
  };

  return (model) => ({
    async upsert(id, payload, expiresIn) {
      if (++writes % SWEEP_EVERY_WRITES === 0) sweep();
      const expiresAt = typeof expiresIn === 'number' ? Date.now() + expiresIn * 1000 : Infinity;
      store.set(`${model}:${id}`, { payload, expiresAt });
    },
    async find(id) {
      return read(`${model}:${id}`)?.payload;
    },
    // Linear scans: a simulator holds a handful of sessions, an index is not worth its upkeep.
    async findByUid(uid) {
      return findWhere(model, (payload) => payload.uid === uid);
    },
    async findByUserCode(userCode) {
      return findWhere(model, (payload) => payload.userCode === userCode);
    },
    async consume(id) {
      const entry = read(`${model}:${id}`);
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    },
    async destroy(id) {
      store.delete(`${model}:${id}`);
    },
    // Called when a code is replayed or a grant is revoked: every token of that grant goes.
    async revokeByGrantId(grantId) {
      for (const [key, entry] of store) {
        if (entry.payload.grantId === grantId && GRANTABLE_MODELS.has(key.slice(0, key.indexOf(':'))))
          store.delete(key);
      }
    },
  });
}

export interface MemoryAdapter {
  upsert(id: string, payload: Payload, expiresIn: number | undefined): Promise<void>;
  find(id: string): Promise<Payload | undefined>;
  findByUid(uid: string): Promise<Payload | undefined>;
  findByUserCode(userCode: string): Promise<Payload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}
