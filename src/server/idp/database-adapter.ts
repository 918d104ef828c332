/**
 * oidc-provider's models (sessions, interactions, codes, grants) in the database, shared by every
 * instance: with the in-memory store a login that started on one instance failed on the next
 * (0 of 20 resident logins through a round-robin proxy). The same interface as memory-adapter.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { GRANTABLE_MODELS, type MemoryAdapter } from './memory-adapter';

type Payload = Awaited<ReturnType<MemoryAdapter['find']>> & object;

const SWEEP_EVERY_WRITES = 200;

export function createDatabaseAdapter(db: Kysely<Database>, now: () => Date): (model: string) => MemoryAdapter {
  let writes = 0;
  const live = () => sql<boolean>`(expires_at is null or expires_at > ${now()})`;
  const findWhere = async (model: string, column: 'id' | 'uid' | 'user_code', value: string) => {
    const row = await db
      .selectFrom('idp_models')
      .select('payload')
      .where('model', '=', model)
      .where(column, '=', value)
      .where(live())
      .executeTakeFirst();
    return row?.payload as Payload | undefined;
  };

  return (model) => ({
    async upsert(id, payload, expiresIn) {
      if (++writes % SWEEP_EVERY_WRITES === 0) {
        await db.deleteFrom('idp_models').where('expires_at', '<=', now()).execute();
      }
      const row = {
        payload: JSON.stringify(payload),
        uid: typeof payload.uid === 'string' ? payload.uid : null,
        grant_id: typeof payload.grantId === 'string' ? payload.grantId : null,
        user_code: typeof payload.userCode === 'string' ? payload.userCode : null,
        expires_at: typeof expiresIn === 'number' ? new Date(now().getTime() + expiresIn * 1000) : null,
      };
      await db
        .insertInto('idp_models')
        .values({ model, id, ...row })
        .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(row))
        .execute();
    },
    find: (id) => findWhere(model, 'id', id),
    findByUid: (uid) => findWhere(model, 'uid', uid),
    findByUserCode: (userCode) => findWhere(model, 'user_code', userCode),
    async consume(id) {
      const consumed = Math.floor(now().getTime() / 1000);
      await db
        .updateTable('idp_models')
        .set({ payload: sql`payload || jsonb_build_object('consumed', ${consumed}::int)` })
        .where('model', '=', model)
        .where('id', '=', id)
        .execute();
    },
    async destroy(id) {
      await db.deleteFrom('idp_models').where('model', '=', model).where('id', '=', id).execute();
    },
    // Called when a code is replayed or a grant is revoked: every token of that grant goes.
    async revokeByGrantId(grantId) {
      await db
        .deleteFrom('idp_models')
        .where('grant_id', '=', grantId)
        .where('model', 'in', [...GRANTABLE_MODELS])
        .execute();
    },
  });
}
