import { ref } from 'vue';

/** A change's answer as the staff stores give it: ok (perhaps with more), or the error code */
type Answer = { ok: true } | { ok: false; code: string };
type Accepted<R extends Answer> = Extract<R, { ok: true }>;

/**
 * Sends one kind of change with its Idempotency-Key. After a network failure the first try may
 * still have reached the server, so the retry keeps the key and is applied once; any answer
 * (success or refusal) makes the next try a new change.
 */
export function idempotentSender(newActionKey: () => string) {
  let key = newActionKey();
  return async function send<R extends Answer>(call: (key: string) => Promise<R>): Promise<R> {
    const answer = await call(key);
    if (answer.ok || answer.code !== 'NETWORK_ERROR') key = newActionKey();
    return answer;
  };
}

/**
 * What a staff form shows about its submission: busy (the button says so and ignores clicks),
 * the last outcome (role="status"), and the error code of a refusal. `send` carries the form's
 * own key; a form that sends several kinds of change makes another with `idempotentSender`.
 */
export function useFormAction(newActionKey: () => string) {
  const busy = ref(false);
  const outcome = ref<string | null>(null);
  const failure = ref<string | null>(null);
  const send = idempotentSender(newActionKey);

  /** One submission, which may send several changes: the last answer when all were accepted, else null. */
  async function submit<R extends Answer>(work: () => Promise<R>): Promise<Accepted<R> | null> {
    busy.value = true;
    outcome.value = null;
    failure.value = null;
    const answer = await work();
    busy.value = false;
    if (answer.ok) return answer as Accepted<R>;
    failure.value = answer.code;
    return null;
  }

  /** The usual submission: one change, with the form's key. */
  const run = <R extends Answer>(call: (key: string) => Promise<R>) => submit(() => send(call));

  return { busy, outcome, failure, send, submit, run };
}
