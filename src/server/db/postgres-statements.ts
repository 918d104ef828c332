/**
 * Named prepared statements on PostgreSQL (issue 16, API ratio), as pglite-statements.ts does
 * for PGlite. node-postgres sends a statement without a name as parse, bind and execute every
 * time, so PostgreSQL plans it anew on every request. The applications list (one statement with
 * six JSON subqueries) took 0.82 ms per run that way and 0.30 to 0.37 ms as a named statement
 * (one connection, 1,000 runs each; its plan alone is 0.35 ms). Kysely sends the same SQL text
 * every time (values are parameters), so one name per text, prepared once per connection by
 * node-postgres, is reused, and PostgreSQL's plan cache does the rest.
 *
 * Only statements with parameters and a plain DML/SELECT verb get a name; transaction control and
 * DDL (migrations) go as before. A connection names at most MAX_NAMED texts (the server keeps each
 * prepared statement for the connection's life); later texts go unnamed.
 * A column added to a table while this process runs (a rolling deploy's migration) makes a
 * statement that selected `table.*` fail once with 0A000 ("cached plan must not change result
 * type"): it is sent again unnamed, and that name is not used on that connection again. Inside a
 * transaction the failure has ended the transaction, so that one request fails (503 or 500).
 *
 * A pooler in transaction mode (PgBouncer before 1.21, or without max_prepared_statements) does
 * not keep a prepared statement with its client: set DATABASE_PREPARED_STATEMENTS=false there.
 */
import { createHash } from 'node:crypto';
import type { PostgresPool } from 'kysely';
import type pg from 'pg';

const MAX_NAMED = 200;
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
const CACHED_PLAN_CHANGED = '0A000';

/** Whether a statement gets a name: it has parameters and is a plain query or change. */
export function preparable(text: string, values: readonly unknown[] | undefined): boolean {
  return Array.isArray(values) && values.length > 0 && PREPARABLE.test(text);
}

/** The same name for the same text, in every process (node-postgres requires one text per name). */
export function statementName(text: string): string {
  return `loket_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

const NAMED = Symbol('loket named statements');

type Query = (config: pg.QueryConfig) => Promise<pg.QueryResult>;
interface NamingClient {
  [NAMED]?: { named: Set<string>; stale: Set<string> };
  query: pg.PoolClient['query'];
}

/** Gives this pooled connection's parameterised statements a name (once per connection). */
function nameStatementsOf(client: pg.PoolClient): pg.PoolClient {
  const naming = client as unknown as NamingClient;
  if (naming[NAMED]) return client;
  const state = { named: new Set<string>(), stale: new Set<string>() };
  naming[NAMED] = state;
  const original = client.query.bind(client) as unknown as (...args: unknown[]) => unknown;
  const send: Query = (config) => original(config) as Promise<pg.QueryResult>;
  naming.query = ((...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text !== 'string' || args.length !== 2 || !preparable(text, values as unknown[]))
      return original(...args);
    const name = statementName(text);
    if (state.stale.has(name) || (!state.named.has(name) && state.named.size >= MAX_NAMED))
      return original(text, values);
    state.named.add(name);
    return send({ name, text, values: values as unknown[] }).catch((error: unknown) => {
      if ((error as { code?: string }).code !== CACHED_PLAN_CHANGED) throw error;
      state.stale.add(name);
      return send({ text, values: values as unknown[] });
    });
  }) as pg.PoolClient['query'];
  return client;
}

/**
 * The pool as Kysely's PostgresDialect uses it, handing out connections that name their
 * statements.
 */
export function namingPool(pool: pg.Pool): PostgresPool {
  return {
    options: pool.options,
    connect: async () => nameStatementsOf(await pool.connect()),
    end: () => pool.end(),
  };
}
