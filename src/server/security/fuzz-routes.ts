/**
 * Issue 7: fuzzing every API route from the OpenAPI document (app.swagger()) with fast-check:
 * wrong types, huge strings, unicode, missing and extra fields, bad JSON, wrong content types,
 * odd path parameters and query strings; anonymous, as a resident and as a member of staff.
 * However odd the request, the server never answers 5xx, and every 4xx is the JSON error shape
 * with a known code. More than 10,000 requests in all, through inject() (no network).
 *
 * The route x identity pairs are dealt round-robin over a few test files (fuzz-1-of-2.test.ts,
 * ...), each with its own app, so the fuzzing runs on both workers of the server test run
 * instead of alone for minutes. Every pair gets the same number of requests as in one file.
 *
 * Not fuzzed here: /idp (the login simulator: oidc-provider's own pages, not our API).
 */
import { caseSystemFor } from '../case-system/index';
import fc from 'fast-check';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../domain/error-codes';
import { createTestApp, type TestApp } from '../testing';
import { sessionPolicy } from '../modules/auth/session-hook';
import { startSession } from '../modules/auth/sessions';
import { logInStaff } from '../modules/staff/testing';
import { RATE_LIMIT_VARIABLES } from './config';

const TOTAL_RUNS = Number(process.env.LOKET_FUZZ_RUNS ?? 10_300);
const ANONYMOUS_SHARE = 0.72;
const KNOWN_CODES = new Set<string>(ERROR_CODES);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minLength?: number;
};
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}
type Identity = 'anonymous' | 'resident' | 'staff';

const HUGE = 'ä'.repeat(70_000);
const oddStrings = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'null',
    'true',
    '../../etc/passwd',
    '%00',
    '\u0000',
    '\uD800',
    '‮RTL',
    '😀👩‍👩‍👧',
    "' or 1=1 --",
    '<script>x</script>',
    HUGE,
  ),
);

/** Values that mostly fit the schema (so deeper code runs), sometimes with a wrong type. */
function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.jsonValue({ maxDepth: 2 });
  const wrong = fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddStrings);
  const fitting = fittingValue(schema, depth);
  return fc.oneof({ arbitrary: fitting, weight: 4 }, { arbitrary: wrong, weight: 1 });
}

function fittingValue(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => fromSchema(v, depth + 1)));
  if (schema.allOf?.length) return fromSchema(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const fields = Object.fromEntries(properties.map(([name, s]) => [name, fromSchema(s, depth + 1)]));
      const record = fc.record(fields, { requiredKeys: properties.filter(([n]) => required.has(n)).map(([n]) => n) });
      // Sometimes a required field is missing, sometimes there is one too many.
      return fc
        .tuple(
          record,
          fc.option(fc.constantFrom(...properties.map(([n]) => n).concat('x')), { nil: undefined }),
          fc.option(fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })), { nil: undefined }),
        )
        .map(([value, drop, extra]) => {
          const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
          if (drop) delete copy[drop];
          if (extra) copy[extra[0]] = extra[1];
          return copy;
        });
    }
    case 'array':
      return fc.array(fromSchema(schema.items, depth + 1), { maxLength: 4 });
    case 'integer':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 }),
        fc.integer(),
        fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0),
      );
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), oddStrings);
      if (schema.format === 'date')
        return fc.oneof(
          fc
            .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') })
            .map((d) => d.toISOString().slice(0, 10)),
          oddStrings,
        );
      if (schema.format === 'date-time')
        return fc.oneof(
          fc
            .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') })
            .map((d) => d.toISOString()),
          oddStrings,
        );
      return fc.oneof(
        fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 50, 200) }),
        oddStrings,
      );
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const BAD_JSON = [
  '{',
  '{"a":',
  '[1,2',
  '\u0000',
  'null',
  '"x"',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"a":1}{"b":2}',
  `{"text":"${HUGE}"}`,
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json; charset=latin1',
];

function requestArbitrary(op: Operation, knownIds: string[]) {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const encode = (value: string) => {
    try {
      return encodeURIComponent(value) || 'x';
    } catch {
      return '%ED%A0%80'; // a lone surrogate: invalid UTF-8 on the wire
    }
  };
  const idValue = fc.oneof(
    { arbitrary: fc.constantFrom(...knownIds).map(encode), weight: 2 },
    { arbitrary: fc.uuid().map(encode), weight: 2 },
    { arbitrary: oddStrings.map(encode), weight: 2 },
    // Sent as they are: broken percent-encoding and dot segments.
    { arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '..%2F..', '%2e%2e', '%FF'), weight: 1 },
  );
  const path = fc.tuple(...pathParams.map(() => idValue)).map((values) => {
    let url = op.path;
    pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, values[i]!);
    });
    return url;
  });
  const query = fc
    .tuple(
      fc.tuple(...queryParams.map((p) => fc.option(fromSchema(p.schema), { nil: undefined }))),
      fc.option(fc.tuple(fc.string({ maxLength: 10 }), oddStrings), { nil: undefined }),
    )
    .map(([values, extra]) => {
      const params = new URLSearchParams();
      queryParams.forEach((p, i) => {
        if (values[i] !== undefined)
          params.append(p.name, typeof values[i] === 'string' ? values[i] : JSON.stringify(values[i]));
      });
      if (extra) params.append(extra[0] || 'x', extra[1]);
      const s = params.toString();
      return s ? `?${s}` : '';
    });
  const hasBody = op.method !== 'GET' && op.method !== 'HEAD';
  const payload = hasBody
    ? fc.oneof(
        { arbitrary: fromSchema(op.body).map((v) => JSON.stringify(v) ?? 'null'), weight: 6 },
        { arbitrary: fc.constantFrom(...BAD_JSON), weight: 2 },
        { arbitrary: fc.constant(undefined), weight: 1 },
      )
    : fc.constant(undefined);
  const contentType = fc.oneof(
    { arbitrary: fc.constant('application/json'), weight: 5 },
    { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
  const key = fc.oneof(
    { arbitrary: fc.uuid(), weight: 5 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    {
      arbitrary: fc.string({ maxLength: 300 }).filter((s) => !/[\r\n\0]/.test(s) && /^[\x20-\x7e]*$/.test(s)),
      weight: 1,
    },
  );
  return fc.record({ path, query, payload, contentType, key });
}

/** Defines the fuzz test for share `shard` (1-based) of `shards`. */
export function fuzzRoutes(shard: number, shards: number): void {
  describe(`fuzzing every API route from the OpenAPI document (share ${shard} of ${shards})`, () => {
    let t: TestApp;
    const cookies: Record<Identity, string | undefined> = {
      anonymous: undefined,
      resident: undefined,
      staff: undefined,
    };
    const knownIds: string[] = [];
    const saved = new Map<string, string | undefined>();
    let operations: Operation[] = [];

    beforeAll(async () => {
      // The fuzzer is one device on one IP; rate limits have their own test.
      for (const [name] of Object.values(RATE_LIMIT_VARIABLES)) {
        saved.set(name, process.env[name]);
        process.env[name] = '100000000';
      }
      t = await createTestApp('pglite', { now: new Date('2026-11-18T10:00:00Z') });
      cookies.resident = `loket_session=${await startSession(t.ctx.db, t.ctx.clock, sessionPolicy(t.ctx), '999990019')}`;
      const { browser } = await logInStaff(t, 'k.jansen');
      cookies.staff = `loket_staff=${browser.cookie('loket_staff')}`;
      const cases = await caseSystemFor(t.ctx, t.ctx.db).residentCases('999990019');
      knownIds.push(...cases.map((c) => c.case.id), 'voorburg-corbulo', 'intake');
      const spec = t.app.swagger() as {
        paths: Record<
          string,
          Record<
            string,
            { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }
          >
        >;
      };
      operations = Object.entries(spec.paths)
        .filter(([path]) => path.startsWith('/api/'))
        .flatMap(([path, ops]) =>
          Object.entries(ops).map(([method, op]) => ({
            method: method.toUpperCase(),
            path,
            parameters: op.parameters ?? [],
            body: op.requestBody?.content['application/json']?.schema,
          })),
        );
    }, 120_000);
    afterAll(async () => {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await t?.close();
    });

    it('never answers 5xx, and answers every 4xx with { error: { code, message } }', async () => {
      expect(operations.length).toBeGreaterThan(40);
      // Anonymous on every route; a resident on the resident routes and staff on the staff routes
      // (who may call what is the access matrix's test). Signed-in requests cost a session lookup
      // and update each, so they get fewer runs. Logging out would end a signed-in identity's
      // session for the rest of the run: anonymous only.
      const isStaffRoute = (op: Operation) =>
        op.path.startsWith('/api/staff/') || op.path.startsWith('/api/auth/staff/');
      const runsFor: Record<Identity, number> = {
        anonymous: Math.ceil((ANONYMOUS_SHARE * TOTAL_RUNS) / operations.length),
        resident: 0,
        staff: 0,
      };
      const signedInPairs = operations.filter((op) => !/\/logout$/.test(op.path)).length;
      runsFor.resident = runsFor.staff = Math.ceil(((1 - ANONYMOUS_SHARE) * TOTAL_RUNS) / signedInPairs);
      const allPairs = operations.flatMap((op) => {
        const signedIn: Identity = isStaffRoute(op) ? 'staff' : 'resident';
        return /\/logout$/.test(op.path)
          ? [[op, 'anonymous'] as const]
          : [[op, 'anonymous'] as const, [op, signedIn] as const];
      });
      const planned = (pairs: typeof allPairs) => pairs.reduce((sum, [, identity]) => sum + runsFor[identity], 0);
      const pairs = allPairs.filter((_, index) => index % shards === shard - 1);
      let sent = 0;
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      for (const [index, [op, identity]] of pairs.entries()) {
        const started = performance.now();
        const result = await fc.check(
          fc.asyncProperty(requestArbitrary(op, knownIds), async (req) => {
            const cookie = cookies[identity];
            const res = await t.app.inject({
              method: op.method as HTTPMethods,
              url: req.path + req.query,
              headers: {
                ...(cookie ? { cookie } : {}),
                ...(req.contentType && req.payload !== undefined ? { 'content-type': req.contentType } : {}),
                ...(req.key ? { 'idempotency-key': req.key } : {}),
                ...(op.path.startsWith('/api/uploads') ? { 'tus-resumable': '1.0.0' } : {}),
              },
              ...(req.payload !== undefined ? { payload: req.payload } : {}),
            });
            sent += 1;
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            const what = `${op.method} ${`${req.path}${req.query}`.slice(0, 200)} as ${identity}: ${res.statusCode} ${res.body.slice(0, 300)}`;
            expect(res.statusCode, what).toBeLessThan(500);
            if (res.statusCode >= 400 && op.method !== 'HEAD') {
              expect(res.headers['content-type'], what).toMatch(/^application\/json/);
              const body = res.json() as { error?: { code?: unknown; message?: unknown } };
              expect(Object.keys(body), what).toEqual(['error']);
              expect(KNOWN_CODES.has(String(body.error?.code)), what).toBe(true);
              expect(typeof body.error?.message, what).toBe('string');
            }
          }),
          // A seed per pair, the same whichever share the pair falls in.
          { numRuns: runsFor[identity], seed: 20261118 + (index * shards + shard - 1) * 1000 },
        );
        if (result.failed)
          failures.push(
            String(
              (result.errorInstance as Error | undefined)?.message ?? `${op.method} ${op.path} as ${identity}: failed`,
            )
              .split('\n')[0]!
              .slice(0, 400),
          );
        if (process.env.LOKET_FUZZ_TIMES)
          console.log(`${Math.round(performance.now() - started)} ms ${op.method} ${op.path} ${identity}`);
      }
      console.log(
        `fuzz ${shard}/${shards}: ${sent} of ${planned(allPairs)} requests, ${pairs.length} of ${allPairs.length} route x identity pairs over ${operations.length} operations; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      );
      expect(failures).toEqual([]);
      // Every request of this share was sent, and the shares together send 10,000 or more.
      expect(sent).toBe(planned(pairs));
      expect(planned(allPairs)).toBeGreaterThanOrEqual(Math.min(TOTAL_RUNS, 10_000));
    }, 900_000);
  });
}
