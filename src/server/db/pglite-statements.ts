/**
 * Named prepared statements for PGlite (issue 7, API throughput). PGlite's `query()` parses,
 * describes and PLANS every statement anew, in WASM, in five round trips into the engine. On
 * this machine that is most of a statement's cost: the session lookup takes 0.30 ms that way and
 * 0.09 ms as a named statement; the applications list 1.3 ms against 0.17 ms. Kysely sends the
 * same SQL text every time (values are parameters), so one named statement per text is reused
 * and PostgreSQL's plan cache does the rest (after five runs it may keep a generic plan, exactly
 * as with prepared statements on a real server).
 *
 * Only statements with parameters and a plain DML/SELECT verb are prepared: DDL (migrations)
 * and transaction control keep going through `query()`. The cache is bounded; the oldest
 * statement is closed when it is full.
 */
import { parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';

const MAX_STATEMENTS = 500;
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;
/** PostgreSQL refuses to reuse a statement whose result columns changed (e.g. after ALTER TABLE) */
const CACHED_PLAN_CHANGED = '0A000';

interface Prepared {
  name: string;
  paramTypes: number[];
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export class PGliteStatements {
  private readonly statements = new Map<string, Prepared>();
  private counter = 0;

  constructor(private readonly pg: PGlite) {}

  static preparable(sql: string, parameters: readonly unknown[]): boolean {
    return parameters.length > 0 && PREPARABLE.test(sql);
  }

  async query<R>(sql: string, parameters: readonly unknown[]): Promise<Results<R>> {
    try {
      return await this.run<R>(sql, parameters);
    } catch (error) {
      if ((error as { code?: string }).code !== CACHED_PLAN_CHANGED || !this.statements.has(sql)) throw error;
      await this.close(sql);
      return this.run<R>(sql, parameters);
    }
  }

  private async run<R>(sql: string, parameters: readonly unknown[]): Promise<Results<R>> {
    return this.pg._runExclusiveQuery(async () => {
      const statement = this.statements.get(sql) ?? (await this.prepare(sql));
      const values = parameters.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = this.pg.serializers[statement.paramTypes[i]!];
        return serializer ? serializer(value) : String(value);
      });
      // Bind, describe, execute and sync in one trip; on an error PostgreSQL skips to the sync.
      const { messages } = await this.pg.execProtocol(
        concat([
          protocol.serialize.bind({ statement: statement.name, values }),
          protocol.serialize.describe({ type: 'P' }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ]),
      );
      return parse.parseResults(messages, this.pg.parsers)[0] as Results<R>;
    });
  }

  private async prepare(sql: string): Promise<Prepared> {
    if (this.statements.size >= MAX_STATEMENTS) {
      const oldest = this.statements.keys().next().value;
      if (oldest !== undefined) await this.closeUnlocked(oldest);
    }
    const name = `loket_${(this.counter += 1)}`;
    const { messages } = await this.pg.execProtocol(
      concat([
        protocol.serialize.parse({ name, text: sql, types: [] }),
        protocol.serialize.describe({ type: 'S', name }),
        protocol.serialize.sync(),
      ]),
    );
    const description = messages.find((m) => m.name === 'parameterDescription') as
      { dataTypeIDs: number[] } | undefined;
    const prepared = { name, paramTypes: description?.dataTypeIDs ?? [] };
    this.statements.set(sql, prepared);
    return prepared;
  }

  private async close(sql: string): Promise<void> {
    await this.pg._runExclusiveQuery(() => this.closeUnlocked(sql));
  }

  private async closeUnlocked(sql: string): Promise<void> {
    const statement = this.statements.get(sql);
    if (!statement) return;
    this.statements.delete(sql);
    await this.pg.execProtocol(
      concat([protocol.serialize.close({ type: 'S', name: statement.name }), protocol.serialize.sync()]),
    );
  }
}
