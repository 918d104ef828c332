/**
 * The CaseSystem seam holds only while no other server code reads or writes the case tables
 * (README.md here): a ZGW adapter can then replace own-tables.ts as a mapping, without hunting
 * for queries in the feature modules. This test reads the server's sources and fails on any
 * query naming a case table outside this folder, the migrations and the demo seed. Tests may
 * still look at the tables directly to check what was stored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = join(import.meta.dirname, '..');
const CASE_SYSTEM = import.meta.dirname;

/** Where the tables may be named: the case system itself, the schema's history and the demo data. */
const ALLOWED = ['case-system/', 'db/migrations/', 'demo/seed.ts'];

const CASE_TABLE = String.raw`(?:cases|case_[a-z_]+)`;
const PATTERNS = [
  // Kysely: db.selectFrom('cases'), .innerJoin('case_roles', ...), .insertInto('case_documents')
  new RegExp(
    String.raw`\b(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin|crossJoin)\(\s*\[?\s*['"\`]${CASE_TABLE}\b`,
  ),
  // A column named through its table: 'cases.reference', 'case_roles.bsn'
  new RegExp(String.raw`['"\`]${CASE_TABLE}\.[a-z_]+\b`),
  // Raw SQL: select ... from cases, join case_roles, insert into case_statuses, update case_results
  new RegExp(String.raw`\b(?:from|join|into|update)\s+"?${CASE_TABLE}"?\s`, 'i'),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every line of code (comments left out) that names a case table in a query, as "file:line". */
function caseTableQueries(files: string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) => {
        const code = line.trim();
        if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return [];
        return PATTERNS.some((pattern) => pattern.test(code))
          ? [`${relative(SERVER, file).split(sep).join('/')}:${index + 1}: ${code}`]
          : [];
      }),
  );
}

describe('the case tables', () => {
  it('are named only by the case system (and the migrations and demo seed)', () => {
    const outside = sourceFiles(SERVER).filter((file) => {
      const path = relative(SERVER, file).split(sep).join('/');
      return !ALLOWED.some((allowed) => path.startsWith(allowed));
    });
    expect(caseTableQueries(outside)).toEqual([]);
  });

  it('are found by this scan where they are used (so a broken pattern cannot pass silently)', () => {
    const found = caseTableQueries(sourceFiles(CASE_SYSTEM)).join('\n');
    expect(found).toContain("selectFrom('cases')");
    expect(found).toContain("innerJoin('case_roles'");
    expect(found).toContain("insertInto('case_statuses')");
    expect(found).toContain("'cases.reference'");
  });
});
