import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyOutboxEvent,
  createOutboxItem,
  dueItems,
  isExpired,
  isStale,
  needsUpload,
  nextRetryAt,
  outcomeOf,
  retryDelayMs,
  OutboxTransitionError,
  type OutboxItem,
  type OutboxState,
} from './outbox';

const T0 = new Date('2026-11-28T10:00:00Z');

function item(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    ...createOutboxItem(
      {
        kind: 'question',
        method: 'POST',
        url: '/api/applications/a1/questions',
        body: { text: 'Wanneer?' },
        subject: 'a1',
      },
      { id: 'i1', idempotencyKey: 'k1', userKey: 'u1' },
      T0,
    ),
    ...overrides,
  };
}

describe('outcome of a send attempt', () => {
  it.each([
    [201, null, 'ack'],
    [200, null, 'ack'],
    [0, 'NETWORK_ERROR', 'fail'],
    [0, 'ABORTED', 'release'],
    [401, 'SESSION_EXPIRED', 'release'],
    [500, 'INTERNAL_ERROR', 'fail'],
    [503, 'DATABASE_UNAVAILABLE', 'fail'],
    [429, 'RATE_LIMITED', 'fail'],
    [409, 'IDEMPOTENCY_KEY_IN_USE', 'fail'],
    [409, 'CASE_CLOSED', 'refuse'],
    [404, 'NOT_FOUND', 'refuse'],
    [422, 'IDEMPOTENCY_KEY_REUSED', 'refuse'],
    [400, 'VALIDATION_FAILED', 'refuse'],
    [429, 'DAILY_UPLOAD_LIMIT', 'refuse'],
    [413, 'DOCUMENT_TOO_LARGE', 'refuse'],
    [422, 'DOCUMENT_INFECTED', 'refuse'],
    [503, 'SCANNER_UNAVAILABLE', 'fail'],
  ])('HTTP %i %s -> %s', (status, code, type) => {
    expect(outcomeOf({ status, code, body: null }).type).toBe(type);
  });
});

describe('transitions', () => {
  it('backs off 5 s, 10 s, 20 s ... up to 5 minutes', () => {
    expect([1, 2, 3, 4, 10].map(retryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 300_000]);
  });

  it('a failed item waits for its back-off, unless forced', () => {
    const failed = applyOutboxEvent(
      applyOutboxEvent(item(), { type: 'start' }, T0),
      { type: 'fail', error: { code: 'NETWORK_ERROR', status: 0 } },
      T0,
    );
    expect(failed.nextAttemptAt).toBe('2026-11-28T10:00:05.000Z');
    expect(dueItems([failed], 'u1', new Date(T0.getTime() + 4_000))).toEqual([]);
    expect(dueItems([failed], 'u1', new Date(T0.getTime() + 4_000), true)).toEqual([failed]);
    expect(dueItems([failed], 'u1', new Date(T0.getTime() + 5_000))).toEqual([failed]);
    expect(nextRetryAt([failed], 'u1')).toEqual(new Date('2026-11-28T10:00:05.000Z'));
  });

  it('refuses impossible transitions: a delivered item is never sent again', () => {
    const sent = item({ state: 'sent' });
    expect(() => applyOutboxEvent(sent, { type: 'start' }, T0)).toThrow(OutboxTransitionError);
    expect(() => applyOutboxEvent(sent, { type: 'cancel' }, T0)).toThrow(OutboxTransitionError);
    expect(() => applyOutboxEvent(item({ state: 'sending' }), { type: 'cancel' }, T0)).toThrow(OutboxTransitionError);
  });

  it('warns about unsent items older than 5 days; forgets sent ones after a day', () => {
    const sixDaysLater = new Date(T0.getTime() + 6 * 86_400_000);
    expect(isStale(item(), sixDaysLater)).toBe(true);
    expect(isStale(item({ state: 'sent' }), sixDaysLater)).toBe(false);
    expect(isStale(item(), new Date(T0.getTime() + 4 * 86_400_000))).toBe(false);
    expect(isExpired(item({ state: 'sent' }), sixDaysLater)).toBe(true);
    expect(isExpired(item({ state: 'refused' }), sixDaysLater)).toBe(false);
  });
});

describe('a document: upload phase, then the registration', () => {
  const bytes = () => new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3]).buffer;
  function documentItem(): OutboxItem {
    return createOutboxItem(
      {
        kind: 'document',
        method: 'POST',
        url: '/api/applications/a1/documents',
        body: { title: 'Bankafschriften', fileName: 'bank.pdf' },
        subject: 'a1',
        upload: {
          bytes: bytes(),
          size: 8,
          contentType: 'application/pdf',
          fileName: 'bank.pdf',
          endpoint: '/api/uploads',
          metadata: { caseId: 'a1' },
        },
      },
      { id: 'd1', idempotencyKey: 'kd1', userKey: 'u1' },
      T0,
    );
  }

  it('records the tus URL and offset while sending, and keeps them over a failure', () => {
    const sending = applyOutboxEvent(documentItem(), { type: 'start' }, T0);
    expect(needsUpload(sending)).toBe(true);
    const created = applyOutboxEvent(
      sending,
      { type: 'upload-progress', url: 'http://x/api/uploads/ab', offset: 0 },
      T0,
    );
    const cut = applyOutboxEvent(
      applyOutboxEvent(created, { type: 'upload-progress', url: 'http://x/api/uploads/ab', offset: 4 }, T0),
      { type: 'fail', error: { code: 'NETWORK_ERROR', status: 0 } },
      T0,
    );
    expect(cut).toMatchObject({
      state: 'failed',
      upload: { url: 'http://x/api/uploads/ab', offset: 4, complete: false },
    });
    expect(cut.upload!.bytes!.byteLength).toBe(8);
    // Not outside a send: the upload only moves while the item is being sent.
    expect(() => applyOutboxEvent(cut, { type: 'upload-progress', url: null, offset: 0 }, T0)).toThrow(
      OutboxTransitionError,
    );
  });

  it('is registered only once complete; delivery and cancelling free the bytes, a refusal keeps them', () => {
    const sending = applyOutboxEvent(documentItem(), { type: 'start' }, T0);
    expect(() => applyOutboxEvent(sending, { type: 'ack', response: {} }, T0)).toThrow(OutboxTransitionError);
    const body = { title: 'Bankafschriften', fileName: 'bank.pdf', uploadId: 'ab' };
    const complete = applyOutboxEvent(sending, { type: 'upload-complete', body }, T0);
    expect(complete).toMatchObject({ body, upload: { complete: true, offset: 8 } });
    expect(needsUpload(complete)).toBe(false);
    expect(() => applyOutboxEvent(complete, { type: 'upload-complete', body }, T0)).toThrow(OutboxTransitionError);
    expect(applyOutboxEvent(complete, { type: 'ack', response: {} }, T0).upload!.bytes).toBeNull();
    const refused = applyOutboxEvent(
      complete,
      { type: 'refuse', error: { code: 'DOCUMENT_INFECTED', status: 422 } },
      T0,
    );
    expect(refused.upload!.bytes!.byteLength).toBe(8);
    expect(applyOutboxEvent(refused, { type: 'cancel' }, T0).upload!.bytes).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Model-based test: random sequences of queue / start / finish (ack, fail, refuse, release) /
// retry / cancel / recover / time passing, against a model written without the code under test.

type Behaviour = 'ok' | 'lost-response' | 'network' | 'server-error' | 'in-use' | 'refuse' | 'unauthenticated';
const USERS = ['anna', 'bram'] as const;

interface ModelItem {
  user: string;
  state: OutboxState;
  attempts: number;
  /** ms; null: due at once */
  retryAt: number | null;
  /** Documents only: how far the upload got, and whether the item still holds its bytes */
  upload: { offset: number; complete: boolean; hasBytes: boolean } | null;
}
interface Model {
  now: number;
  items: ModelItem[];
}
interface Real {
  now: Date;
  items: OutboxItem[];
  /** The server's idempotency store: key -> number of effects (must never exceed 1) */
  effects: Map<string, number>;
  /** user of every start, to check nobody sends another resident's item */
  startedFor: Array<{ item: string; session: string }>;
}

const TERMINAL: OutboxState[] = ['sent', 'cancelled'];

function check(model: Model, real: Real): void {
  expect(real.items.map((i) => i.state)).toEqual(model.items.map((i) => i.state));
  expect(real.items.map((i) => i.attempts)).toEqual(model.items.map((i) => i.attempts));
  expect(
    real.items.map((i) =>
      i.upload ? { offset: i.upload.offset, complete: i.upload.complete, hasBytes: i.upload.bytes !== null } : null,
    ),
  ).toEqual(model.items.map((i) => i.upload));
  // A document's bytes live exactly as long as it may still be sent (or taken back when refused).
  for (const i of real.items.filter((i) => i.upload)) expect(i.upload!.bytes === null).toBe(TERMINAL.includes(i.state));
  for (const count of real.effects.values()) expect(count).toBeLessThanOrEqual(1);
  // Delivered items had their effect exactly once; the server's idempotency does the rest.
  for (const sent of real.items.filter((i) => i.state === 'sent'))
    expect(real.effects.get(sent.idempotencyKey)).toBe(1);
  for (const start of real.startedFor) expect(real.items.find((i) => i.id === start.item)?.userKey).toBe(start.session);
}

function modelDue(model: Model, user: string, force: boolean): number[] {
  return model.items
    .map((m, index) => ({ m, index }))
    .filter(
      ({ m }) =>
        m.user === user &&
        (m.state === 'queued' || (m.state === 'failed' && (force || m.retryAt === null || m.retryAt <= model.now))),
    )
    .map(({ index }) => index);
}

const FILE_SIZE = 1000;

class QueueCommand implements fc.Command<Model, Real> {
  constructor(
    readonly user: string,
    readonly document: boolean,
  ) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const n = real.items.length;
    const ids = { id: `id-${String(n).padStart(3, '0')}`, idempotencyKey: `key-${n}`, userKey: this.user };
    real.items.push(
      this.document
        ? createOutboxItem(
            {
              kind: 'document',
              method: 'POST',
              url: '/api/applications/a/documents',
              body: { title: `d${n}` },
              subject: 'a',
              upload: {
                bytes: new ArrayBuffer(FILE_SIZE),
                size: FILE_SIZE,
                contentType: 'application/pdf',
                fileName: 'd.pdf',
                endpoint: '/api/uploads',
                metadata: {},
              },
            },
            ids,
            real.now,
          )
        : createOutboxItem(
            {
              kind: 'question',
              method: 'POST',
              url: '/api/applications/a/questions',
              body: { text: `q${n}` },
              subject: 'a',
            },
            ids,
            real.now,
          ),
    );
    model.items.push({
      user: this.user,
      state: 'queued',
      attempts: 0,
      retryAt: null,
      upload: this.document ? { offset: 0, complete: false, hasBytes: true } : null,
    });
    check(model, real);
  }
  toString = () => `queue(${this.user}${this.document ? ', document' : ''})`;
}

/** The item in flight moves its upload on (a chunk arrived), or finishes it. */
class UploadCommand implements fc.Command<Model, Real> {
  constructor(readonly progress: number) {}
  check = (model: Readonly<Model>) => model.items.some((i) => i.state === 'sending');
  run(model: Model, real: Real): void {
    const index = real.items.findIndex((i) => i.state === 'sending');
    const m = model.items[index]!;
    const current = real.items[index]!;
    if (!m.upload || m.upload.complete) {
      expect(() => applyOutboxEvent(current, { type: 'upload-progress', url: 'u', offset: 1 }, real.now)).toThrow(
        OutboxTransitionError,
      );
      expect(() => applyOutboxEvent(current, { type: 'upload-complete', body: {} }, real.now)).toThrow(
        OutboxTransitionError,
      );
      return;
    }
    const offset = Math.min(FILE_SIZE, Math.round(this.progress * FILE_SIZE));
    if (offset < FILE_SIZE) {
      real.items[index] = applyOutboxEvent(current, { type: 'upload-progress', url: `u-${index}`, offset }, real.now);
      model.items[index] = { ...m, upload: { ...m.upload, offset } };
    } else {
      real.items[index] = applyOutboxEvent(
        current,
        { type: 'upload-complete', body: { ...(current.body as object), uploadId: `u-${index}` } },
        real.now,
      );
      model.items[index] = { ...m, upload: { ...m.upload, offset: FILE_SIZE, complete: true } };
    }
    check(model, real);
  }
  toString = () => `upload(${this.progress})`;
}

/** The signed-in resident starts sending their oldest due item. */
class StartCommand implements fc.Command<Model, Real> {
  constructor(
    readonly session: string,
    readonly force: boolean,
  ) {}
  check = () => true;
  run(model: Model, real: Real): void {
    const due = dueItems(real.items, this.session, real.now, this.force);
    const expected = modelDue(model, this.session, this.force);
    expect(due.map((i) => real.items.indexOf(i))).toEqual(expected);
    const first = due[0];
    if (!first) return;
    const index = real.items.indexOf(first);
    real.items[index] = applyOutboxEvent(first, { type: 'start' }, real.now);
    real.startedFor.push({ item: first.id, session: this.session });
    model.items[index] = { ...model.items[index]!, state: 'sending', attempts: model.items[index]!.attempts + 1 };
    check(model, real);
  }
  toString = () => `start(${this.session}${this.force ? ', force' : ''})`;
}

/** The oldest item in flight gets an answer (or none) from a server with idempotency keys. */
class FinishCommand implements fc.Command<Model, Real> {
  constructor(readonly behaviour: Behaviour) {}
  check = (model: Readonly<Model>) => model.items.some((i) => i.state === 'sending');
  run(model: Model, real: Real): void {
    const index = real.items.findIndex((i) => i.state === 'sending');
    const current = real.items[index]!;
    const uploading = model.items[index]!.upload?.complete === false;
    if (uploading && this.behaviour === 'ok') {
      // The registration cannot be answered before the file is all there.
      expect(() => applyOutboxEvent(current, { type: 'ack', response: {} }, real.now)).toThrow(OutboxTransitionError);
      return;
    }
    // While uploading, only tus requests go out: no registration, so no effect yet.
    const reachesServer = !uploading && (this.behaviour === 'ok' || this.behaviour === 'lost-response');
    if (reachesServer && !real.effects.has(current.idempotencyKey)) real.effects.set(current.idempotencyKey, 1);
    const result = {
      ok: { status: 201, code: null },
      'lost-response': { status: 0, code: 'NETWORK_ERROR' },
      network: { status: 0, code: 'NETWORK_ERROR' },
      'server-error': { status: 503, code: 'DATABASE_UNAVAILABLE' },
      'in-use': { status: 409, code: 'IDEMPOTENCY_KEY_IN_USE' },
      refuse: { status: 409, code: 'CASE_CLOSED' },
      unauthenticated: { status: 401, code: 'SESSION_EXPIRED' },
    }[this.behaviour];
    real.items[index] = applyOutboxEvent(current, outcomeOf({ ...result, body: { ok: true } }), real.now);

    const m = model.items[index]!;
    if (this.behaviour === 'ok')
      model.items[index] = { ...m, state: 'sent', retryAt: null, upload: m.upload && { ...m.upload, hasBytes: false } };
    else if (this.behaviour === 'refuse') model.items[index] = { ...m, state: 'refused', retryAt: null };
    else if (this.behaviour === 'unauthenticated') model.items[index] = { ...m, state: 'queued', retryAt: null };
    else
      model.items[index] = {
        ...m,
        state: 'failed',
        retryAt: model.now + Math.min(5_000 * 2 ** (m.attempts - 1), 300_000),
      };
    check(model, real);
  }
  toString = () => `finish(${this.behaviour})`;
}

class RetryCommand implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.items.length > 0;
  run(model: Model, real: Real): void {
    const index = this.pick % real.items.length;
    const m = model.items[index]!;
    if (m.state !== 'queued' && m.state !== 'failed') {
      expect(() => applyOutboxEvent(real.items[index]!, { type: 'retry' }, real.now)).toThrow(OutboxTransitionError);
      return;
    }
    real.items[index] = applyOutboxEvent(real.items[index]!, { type: 'retry' }, real.now);
    model.items[index] = { ...m, state: 'queued', retryAt: null };
    check(model, real);
  }
  toString = () => `retry(#${this.pick})`;
}

class CancelCommand implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check = (model: Readonly<Model>) => model.items.length > 0;
  run(model: Model, real: Real): void {
    const index = this.pick % real.items.length;
    const m = model.items[index]!;
    // In flight or delivered: too late to cancel.
    if (m.state === 'sending' || TERMINAL.includes(m.state)) {
      expect(() => applyOutboxEvent(real.items[index]!, { type: 'cancel' }, real.now)).toThrow(OutboxTransitionError);
      return;
    }
    real.items[index] = applyOutboxEvent(real.items[index]!, { type: 'cancel' }, real.now);
    model.items[index] = {
      ...m,
      state: 'cancelled',
      retryAt: null,
      upload: m.upload && { ...m.upload, hasBytes: false },
    };
    check(model, real);
  }
  toString = () => `cancel(#${this.pick})`;
}

/** The tab closed mid-send: whatever was in flight goes back to the queue, same key. */
class RecoverCommand implements fc.Command<Model, Real> {
  check = () => true;
  run(model: Model, real: Real): void {
    real.items = real.items.map((i) =>
      i.state === 'sending' ? applyOutboxEvent(i, { type: 'recover' }, real.now) : i,
    );
    model.items = model.items.map((m) => (m.state === 'sending' ? { ...m, state: 'queued' } : m));
    check(model, real);
  }
  toString = () => 'recover()';
}

class WaitCommand implements fc.Command<Model, Real> {
  constructor(readonly ms: number) {}
  check = () => true;
  run(model: Model, real: Real): void {
    model.now += this.ms;
    real.now = new Date(real.now.getTime() + this.ms);
  }
  toString = () => `wait(${this.ms})`;
}

describe('outbox state machine (model-based)', () => {
  it("agrees with the model, sends only the owner's items, and has at most one effect per item", () => {
    const user = fc.constantFrom(...USERS);
    const commands = [
      fc.tuple(user, fc.boolean()).map(([u, document]) => new QueueCommand(u, document)),
      fc.constantFrom(0, 0.3, 0.7, 1).map((p) => new UploadCommand(p)),
      fc.tuple(user, fc.boolean()).map(([u, force]) => new StartCommand(u, force)),
      fc
        .constantFrom<Behaviour>(
          'ok',
          'lost-response',
          'network',
          'server-error',
          'in-use',
          'refuse',
          'unauthenticated',
        )
        .map((b) => new FinishCommand(b)),
      fc.nat(20).map((n) => new RetryCommand(n)),
      fc.nat(20).map((n) => new CancelCommand(n)),
      fc.constant(new RecoverCommand()),
      fc.constantFrom(1_000, 5_000, 60_000, 400_000).map((ms) => new WaitCommand(ms)),
    ];
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 60 }), (cmds) => {
        const setup = () => ({
          model: { now: T0.getTime(), items: [] } as Model,
          real: { now: T0, items: [], effects: new Map(), startedFor: [] } as Real,
        });
        fc.modelRun(setup, cmds);
      }),
      { numRuns: 300 },
    );
  });

  it('eventually delivers every queued item once the network is good', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Behaviour>('network', 'server-error', 'in-use', 'lost-response'), { maxLength: 8 }),
        (failures) => {
          let items = [item()];
          const effects = new Set<string>();
          let now = T0;
          for (const behaviour of [...failures, 'ok' as const]) {
            now = new Date(now.getTime() + 300_000);
            const [due] = dueItems(items, 'u1', now);
            expect(due).toBeDefined();
            items = [applyOutboxEvent(due!, { type: 'start' }, now)];
            if (behaviour === 'ok' || behaviour === 'lost-response') effects.add(due!.idempotencyKey);
            const status =
              behaviour === 'ok' ? 201 : behaviour === 'server-error' ? 500 : behaviour === 'in-use' ? 409 : 0;
            const code =
              behaviour === 'in-use' ? 'IDEMPOTENCY_KEY_IN_USE' : behaviour === 'ok' ? null : 'NETWORK_ERROR';
            items = [applyOutboxEvent(items[0]!, outcomeOf({ status, code, body: {} }), now)];
          }
          expect(items[0]!.state).toBe('sent');
          expect(items[0]!.attempts).toBe(failures.length + 1);
          expect(effects.size).toBe(1);
        },
      ),
    );
  });
});
