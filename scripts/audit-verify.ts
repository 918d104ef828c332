/**
 * Verifies the audit log's hash chain (issue 6; BIO 8.15.01) against the configured database:
 * the same DATABASE_URL / LOKET_DATA_DIR as the server. Prints the number of rows and the head
 * (seq and hash): keep that line outside the database (an operations log, a ticket), so that
 * rows cut off at the end can be noticed later too. Exit code 0 when intact, 1 at the first
 * broken link (which it names), 2 when it could not run.
 *
 *   npm run audit:verify                       # package.json: "tsx scripts/audit-verify.ts"
 *   DATABASE_URL=postgres://... npm run audit:verify
 *
 * With PGlite, stop the server first: one process at a time may open its data folder.
 */
import { verifyAuditChain } from '../src/server/audit/verify';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/database';

const EXPLAIN = {
  seq_gap: 'a row is missing before this one (removed?)',
  prev_hash_mismatch: 'this row does not link to the row before it (that row changed, or this one was forged)',
  hash_mismatch: 'this row was changed after it was written',
} as const;

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const report = await verifyAuditChain(database.db);
    const head = report.head ? `seq ${report.head.seq}, hash ${report.head.hash}` : 'empty';
    if (report.ok) {
      console.log(`audit log intact: ${report.rows} rows; head ${head}`);
      return 0;
    }
    const broken = report.broken!;
    console.error(`audit log BROKEN at seq ${broken.seq}: ${broken.reason} (${EXPLAIN[broken.reason]})`);
    console.error(`rows before it: ${report.rows}, intact; last good: ${head}`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
