// The replayer with the memory backend (happy-dom has no IndexedDB; the e2e tests use the real one).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOutboxItem, type OutboxItem, type SendResult } from '../../domain/outbox';
import { memoryOutboxBackend } from './outbox-backend';
import { OUTBOX_LOCK_NAME, replayOutbox } from './replayer';

const now = new Date('2026-11-28T10:00:00Z');
afterEach(() => vi.unstubAllGlobals());

function queued(n: number, userKey = 'anna'): OutboxItem {
  return createOutboxItem(
    {
      kind: 'question',
      method: 'POST',
      url: `/api/applications/a/questions`,
      body: { text: `vraag ${n}` },
      subject: 'a',
    },
    { id: `id-${n}`, idempotencyKey: `key-${n}`, userKey },
    new Date(now.getTime() + n),
  );
}

const ok: SendResult = { status: 201, code: null, body: { question: { id: 'q' } } };

describe('replaying the outbox', () => {
  it("sends the resident's own items, oldest first, each once, with its idempotency key", async () => {
    const holder = { value: [queued(2), queued(1), queued(3, 'bram')] };
    const sent: string[] = [];
    const report = await replayOutbox({
      backend: memoryOutboxBackend(holder),
      userKey: 'anna',
      send: async (item) => (sent.push(item.idempotencyKey), ok),
      now: () => now,
    });
    expect(sent).toEqual(['key-1', 'key-2']);
    expect(report.sent).toHaveLength(2);
    expect(holder.value.find((i) => i.id === 'id-3')?.state).toBe('queued'); // bram's waits for bram
  });

  it('stops at a network error (the rest would fail too) and backs off', async () => {
    const holder = { value: [queued(1), queued(2)] };
    const send = vi.fn(async (): Promise<SendResult> => ({ status: 0, code: 'NETWORK_ERROR', body: null }));
    const report = await replayOutbox({ backend: memoryOutboxBackend(holder), userKey: 'anna', send, now: () => now });
    expect(send).toHaveBeenCalledTimes(1);
    expect(Object.fromEntries(holder.value.map((i) => [i.id, i.state]))).toEqual({
      'id-1': 'failed',
      'id-2': 'queued',
    });
    expect(report.unsent).toBe(2);
  });

  it('a 401 leaves the item queued for the next login and reports the lost session', async () => {
    const holder = { value: [queued(1)] };
    const report = await replayOutbox({
      backend: memoryOutboxBackend(holder),
      userKey: 'anna',
      send: async () => ({ status: 401, code: 'SESSION_EXPIRED', body: null }),
      now: () => now,
    });
    expect(holder.value[0]).toMatchObject({
      state: 'queued',
      attempts: 1,
      lastError: { code: 'SESSION_EXPIRED', status: 401 },
    });
    expect(report.sessionLost).toBe(true);
  });

  it('keeps a refusal with its code (a conflict is shown, not swallowed), and goes on with the next', async () => {
    const holder = { value: [queued(1), queued(2)] };
    const send = vi
      .fn<(item: OutboxItem) => Promise<SendResult>>()
      .mockResolvedValueOnce({ status: 409, code: 'CASE_CLOSED', body: null })
      .mockResolvedValueOnce(ok);
    await replayOutbox({ backend: memoryOutboxBackend(holder), userKey: 'anna', send, now: () => now });
    const byId = Object.fromEntries(holder.value.map((i) => [i.id, [i.state, i.lastError?.code ?? null]]));
    expect(byId).toEqual({ 'id-1': ['refused', 'CASE_CLOSED'], 'id-2': ['sent', null] });
  });

  it('never sends an item older than the outbox keeps them, and shows it refused as too old', async () => {
    const old = { ...queued(1), createdAt: new Date(now.getTime() - 31 * 86_400_000).toISOString() };
    const holder = { value: [old, queued(2)] };
    const sent: string[] = [];
    const report = await replayOutbox({
      backend: memoryOutboxBackend(holder),
      userKey: 'anna',
      send: async (item) => (sent.push(item.idempotencyKey), ok),
      now: () => now,
    });
    expect(sent).toEqual(['key-2']);
    expect(report.refused.map((i) => [i.id, i.lastError?.code])).toEqual([['id-1', 'OUTBOX_ITEM_TOO_OLD']]);
  });

  it('a forced replay against a failing server tries each item once, then ends', async () => {
    const holder = { value: [queued(1), queued(2)] };
    const send = vi.fn(async (): Promise<SendResult> => ({ status: 503, code: 'DATABASE_UNAVAILABLE', body: null }));
    await replayOutbox({ backend: memoryOutboxBackend(holder), userKey: 'anna', force: true, send, now: () => now });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('recovers an item cut off mid-send and sends it again with the same key', async () => {
    const holder = { value: [{ ...queued(1), state: 'sending' as const, attempts: 1 }] };
    const send = vi.fn(async () => ok);
    await replayOutbox({ backend: memoryOutboxBackend(holder), userKey: 'anna', send, now: () => now });
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({ idempotencyKey: 'key-1', attempts: 2 }),
      expect.anything(),
    );
    expect(holder.value[0]!.state).toBe('sent');
  });

  it('holds the Web Lock while it sends, so two tabs and the service worker take turns', async () => {
    const names: string[] = [];
    vi.stubGlobal('navigator', {
      locks: { request: async (name: string, task: () => Promise<unknown>) => (names.push(name), task()) },
    });
    await replayOutbox({
      backend: memoryOutboxBackend({ value: [queued(1)] }),
      userKey: 'anna',
      send: async () => ok,
      now: () => now,
    });
    expect(names).toEqual([OUTBOX_LOCK_NAME]);
  });
});
