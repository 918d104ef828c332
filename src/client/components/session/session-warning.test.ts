/**
 * "Uw sessie stopt bijna" (issue 14, WCAG 2.2.1): two minutes before the server would end the
 * session, on a personal device too, a dialog with the time left and "Ingelogd blijven", which
 * renews the session on the server; the deadline follows every answer (its header), so the
 * warning never comes early; left alone, the session ends and the login returns to the page.
 * Time is faked (setTimeout and Date).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import App from '../../App.vue';
import { useApplicationsStore } from '../../stores/applications';
import { installConsortium } from '../../setup/consortium';
import { installSessionExpiry } from '../../setup/session-expiry';
import { warningPlan } from '../../session/session-warning';
import { config, createHarness, json, me, mockFetch, summary } from '../../testing/harness';

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const at = (time: string) => `2026-11-28T${time}.000Z`;

async function signedInApp() {
  let idleExpiresAt = at('10:15:00'); // me's: 15 minutes after 10:00
  let signedIn = true;
  const fetchMock = mockFetch({
    'GET /api/config': () => json(config),
    'GET /api/session': () => json({ me: signedIn ? { ...me, session: { ...me.session, idleExpiresAt } } : null }),
    'GET /api/applications': () =>
      new Response(JSON.stringify({ applications: [summary({ id: 'a1' })] }), {
        headers: { 'Content-Type': 'application/json', 'Loket-Session-Idle-Expires': idleExpiresAt },
      }),
  });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date(at('10:00:00')));
  const harness = await createHarness('nl', { startAt: '/aanvragen' });
  installConsortium(harness.pinia);
  cleanups.push(installSessionExpiry(harness.pinia, harness.router));
  const wrapper = mount(App, { global: { plugins: [...harness.plugins] }, attachTo: document.body });
  cleanups.push(() => wrapper.unmount());
  await flushPromises();
  const dialog = () => document.querySelector<HTMLDialogElement>('dialog.loket-session-warning');
  const advance = async (ms: number) => {
    await vi.advanceTimersByTimeAsync(ms);
    await flushPromises();
  };
  /** The dialog is a lazy chunk: wait for it to load and open. */
  const opened = () =>
    vi.waitFor(
      async () => {
        await flushPromises();
        expect(dialog()?.open).toBe(true);
      },
      { timeout: 10_000 },
    );
  return {
    ...harness,
    wrapper,
    fetchMock,
    dialog,
    advance,
    opened,
    /** The server renews the session with the next request (any request; here /api/session). */
    serverRenewsTo: (time: string) => (idleExpiresAt = at(time)),
    serverEnds: () => (signedIn = false),
  };
}

describe('the plan', () => {
  it.each([
    ['idle end first: warn 2 minutes before it, renewable', at('10:15:00'), at('18:00:00'), 13 * 60_000, true],
    ['absolute end first: warn before it, not renewable', at('18:00:00'), at('10:10:00'), 8 * 60_000, false],
    ['less than 2 minutes left: warn at once', at('10:01:00'), at('18:00:00'), 0, true],
  ])('%s', (_, idleExpiresAt, absoluteExpiresAt, warnIn, extendable) => {
    expect(warningPlan({ idleExpiresAt, absoluteExpiresAt }, Date.parse(at('10:00:00')))).toMatchObject({
      warnIn,
      extendable,
    });
  });
  it('has nothing to plan for a session that is over', () => {
    expect(
      warningPlan({ idleExpiresAt: at('09:59:00'), absoluteExpiresAt: at('18:00:00') }, Date.parse(at('10:00:00'))),
    ).toBeNull();
  });
});

describe('the session warning', { timeout: 30_000 }, () => {
  it('warns 2 minutes before the end, with the time left; "Ingelogd blijven" renews the session', async () => {
    const { dialog, advance, opened, fetchMock, serverRenewsTo } = await signedInApp();
    await advance(12 * 60_000 + 59_000);
    expect(dialog()?.open ?? false).toBe(false);
    await advance(1_000);
    await opened();
    const shown = dialog()!;
    expect(shown.getAttribute('role')).toBe('alertdialog');
    expect(document.getElementById(shown.getAttribute('aria-labelledby')!)!.textContent).toBe('Uw sessie stopt bijna');
    expect(shown.getAttribute('aria-describedby')).toBe('session-warning-text session-warning-kept');
    expect(shown.querySelector('[role="timer"]')!.textContent).toBe('Nog 2 minuten');
    expect(document.activeElement?.textContent?.trim()).toBe('Ingelogd blijven');
    await advance(90_000);
    expect(shown.querySelector('[role="timer"]')!.textContent).toBe('Nog 30 seconden');
    expect(shown.querySelector('[aria-live="polite"]')!.textContent).toBe('Nog 30 seconden');

    serverRenewsTo('10:29:00');
    const before = fetchMock.mock.calls.length;
    (document.activeElement as HTMLButtonElement).click();
    await advance(0);
    expect(fetchMock.mock.calls.slice(before).map(([path]) => path)).toContain('/api/session');
    expect(dialog()?.open ?? false).toBe(false);
    // The next warning is 2 minutes before the new end.
    await advance(12 * 60_000);
    expect(dialog()?.open ?? false).toBe(false);
    await advance(30_000);
    await opened();
  });

  it('closes on the server\'s answer to "Ingelogd blijven", also when that answer repeats the deadline', async () => {
    const { dialog, advance, opened } = await signedInApp();
    await advance(13 * 60_000);
    await opened();
    (document.activeElement as HTMLButtonElement).click();
    await advance(0);
    expect(dialog()?.open ?? false).toBe(false);
    await advance(30_000);
    expect(dialog()?.open ?? false).toBe(false);
  });

  it('follows the deadline every answer brings: no warning while the resident works', async () => {
    const { dialog, advance, opened, pinia, serverRenewsTo } = await signedInApp();
    await advance(10 * 60_000);
    expect(dialog()?.open ?? false).toBe(false);
    serverRenewsTo('10:25:00');
    await useApplicationsStore(pinia).loadList(); // its answer carries the new deadline
    await advance(5 * 60_000); // 10:15, the old end
    expect(dialog()?.open ?? false).toBe(false);
    await advance(7 * 60_000 + 59_000); // 10:22:59
    expect(dialog()?.open ?? false).toBe(false);
    await advance(1_000); // 10:23: 2 minutes before the new end
    await opened();
  });

  it('left alone, the session ends and the next login returns to the page', async () => {
    const { advance, opened, router, serverEnds } = await signedInApp();
    await router.push('/afspraken/huisbezoek');
    await advance(13 * 60_000);
    await opened();
    serverEnds();
    await advance(2 * 60_000 + 2_000);
    await vi.waitFor(() =>
      expect(router.currentRoute.value.fullPath).toBe('/?reden=verlopen&terug=/afspraken/huisbezoek'),
    );
  });
});
