// The staff forms' submission: a retry after a network failure must reach the server with the
// same Idempotency-Key (the first try may have been applied), any answer starts a new change.
import { describe, expect, it } from 'vitest';
import { idempotentSender, useFormAction } from './form-action';

type Answer = { ok: true } | { ok: false; code: string };
const refused = (code: string): Answer => ({ ok: false, code });

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('idempotentSender', () => {
  it.each([
    ['a network failure keeps the key', refused('NETWORK_ERROR'), 'key-1'],
    ['a refusal asks for a new key', refused('STATUS_TRANSITION_NOT_ALLOWED'), 'key-2'],
    ['a success asks for a new key', { ok: true } as Answer, 'key-2'],
  ])('%s', async (_, first, secondKey) => {
    const send = idempotentSender(keys());
    const used: string[] = [];
    await send(async (key) => (used.push(key), first));
    await send(async (key) => (used.push(key), { ok: true } as Answer));
    expect(used).toEqual(['key-1', secondKey]);
  });
});

describe('useFormAction', () => {
  it('is busy while the change is on its way, then shows the refusal and clears the last outcome', async () => {
    const { busy, outcome, failure, run } = useFormAction(keys());
    outcome.value = 'earlier';
    let answer!: (value: Answer) => void;
    const done = run(() => new Promise<Answer>((resolve) => (answer = resolve)));
    expect([busy.value, outcome.value, failure.value]).toEqual([true, null, null]);
    answer(refused('NETWORK_ERROR'));
    expect(await done).toBeNull();
    expect([busy.value, failure.value]).toEqual([false, 'NETWORK_ERROR']);
  });

  it('gives the accepted answer back, with what came with it', async () => {
    const { failure, run } = useFormAction(keys());
    expect(await run(async () => ({ ok: true as const, affected: [1] }))).toEqual({ ok: true, affected: [1] });
    expect(failure.value).toBeNull();
  });

  it('keeps what an earlier step of one submission said when a later step fails', async () => {
    const { busy, outcome, failure, send, submit } = useFormAction(keys());
    const sendLetter = idempotentSender(keys());
    const busyBetween: boolean[] = [];
    const result = await submit(async () => {
      const recorded = await send(async () => ({ ok: true }) as Answer);
      if (!recorded.ok) return recorded;
      outcome.value = 'recorded';
      busyBetween.push(busy.value);
      return sendLetter(async () => refused('DOCUMENT_TYPE_NOT_ALLOWED'));
    });
    expect(result).toBeNull();
    expect([busyBetween, busy.value, outcome.value, failure.value]).toEqual([
      [true],
      false,
      'recorded',
      'DOCUMENT_TYPE_NOT_ALLOWED',
    ]);
  });
});
