/**
 * Each notification event reads the same in the inbox as in the e-mail, in Dutch and English:
 * the inbox's words rendered by vue-i18n from the catalogue exactly as the build ships it (the
 * locale file through the build's own precompile step), the mail as the server builds it.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from './create-i18n';
import { NOTIFICATION_EVENT_TYPES } from '../../domain/notification-events';
import { eventMail } from '../../server/modules/notifications/email';
import { evaluateLocaleFile, messagesModule, precompileMessages } from '../build/precompile-messages';

type Tree = { [key: string]: string | Tree };

/** The locale file as the production bundle has it: evaluated, precompiled, loaded as a module. */
async function shipped(locale: 'nl' | 'en'): Promise<Tree> {
  const file = resolve(`src/client/i18n/notifications/${locale}.ts`);
  const { messages } = await evaluateLocaleFile(file);
  const code = messagesModule(precompileMessages(messages));
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  return ((await import(/* @vite-ignore */ url)) as { default: Tree }).default;
}

const inbox = await Promise.all(
  (['nl', 'en'] as const).map(async (locale) => {
    const { t } = createI18n({ legacy: false, locale, messages: { [locale]: await shipped(locale) } }).global;
    return [locale, t] as const;
  }),
);

const mailFor = (type: (typeof NOTIFICATION_EVENT_TYPES)[number]) =>
  eventMail({
    to: 'jan@example.nl',
    type,
    link: '/berichten',
    publicUrl: 'https://loket.example.nl',
    unsubscribeToken: 'token',
    jobId: 'job-1',
  });

describe('notification texts', () => {
  it.each(NOTIFICATION_EVENT_TYPES.map((type) => [type]))(
    '%s: the inbox shows, in Dutch and in English, the title and body the e-mail sends',
    (type) => {
      const mail = mailFor(type);
      const lines = mail.text.split('\n');
      const shown: string[] = [];
      for (const [locale, t] of inbox) {
        const title = t(`notificationEvents.${type}.title`);
        const body = t(`notificationEvents.${type}.body`);
        // A missing key renders as the key itself; a real text is a sentence.
        expect(title, `${locale} title`).not.toContain('notificationEvents');
        expect(body.split(' ').length, `${locale} body`).toBeGreaterThan(3);
        expect(lines, `${locale} in the plain-text mail`).toEqual(expect.arrayContaining([title, body]));
        expect(mail.html, `${locale} in the HTML mail`).toContain(`<p>${body}</p>`);
        // The subject is read on a lock screen or in a shared mailbox: it names no event.
        expect(mail.subject).not.toContain(title);
        shown.push(title, body);
      }
      // Two languages, not one text twice
      expect(new Set(shown).size).toBe(4);
    },
  );

  it('exist for every event type the server sends, and for no other', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const events = (await shipped(locale)).notificationEvents as Tree;
      expect(Object.keys(events).sort()).toEqual([...NOTIFICATION_EVENT_TYPES].sort());
    }
  });
});
