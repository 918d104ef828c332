/** Every event type has a message in Dutch and English, free of personal details. */
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_EVENT_TYPES } from './notification-events';
import { EMAIL_SUBJECT, NOTIFICATION_TEXTS, PUSH_TEXT, notificationText } from './notification-texts';

describe('notification texts', () => {
  it.each(NOTIFICATION_EVENT_TYPES.map((type) => [type]))('%s has a title and a body in Dutch and English', (type) => {
    for (const locale of ['nl', 'en'] as const) {
      const text = notificationText(type, locale);
      expect(text.title.length).toBeGreaterThan(5);
      expect(text.body.length).toBeGreaterThan(10);
      // Plain text: no vue-i18n syntax, no placeholders that could carry personal data
      expect(`${text.title} ${text.body}`).not.toMatch(/[{}@|$<>]/);
    }
    expect(notificationText(type, 'nl')).not.toEqual(notificationText(type, 'en'));
  });

  it('has exactly the domain list of events, in both languages', () => {
    expect(Object.keys(NOTIFICATION_TEXTS.nl).sort()).toEqual([...NOTIFICATION_EVENT_TYPES].sort());
    expect(Object.keys(NOTIFICATION_TEXTS.en).sort()).toEqual([...NOTIFICATION_EVENT_TYPES].sort());
  });

  it.each([
    ['status_changed', 'nl', 'De status van uw aanvraag is veranderd. Kijk wat er nu gebeurt.'],
    ['status_changed', 'en', 'The status of your application has changed. See what happens next.'],
    ['document_due_today', 'nl', 'Vandaag is de laatste dag voor uw document. Stuur het vandaag.'],
    ['appointment_tomorrow', 'en', 'Remember your appointment tomorrow. See the time and what to bring.'],
  ] as const)('%s in %s reads "%s"', (type, locale, body) => {
    expect(notificationText(type, locale).body).toBe(body);
  });

  it('says nothing personal on a lock screen or in a subject', () => {
    expect(PUSH_TEXT).toBe('Er is nieuws in Loket');
    expect(EMAIL_SUBJECT).toBe('Er is nieuws in Loket / News in Loket');
  });
});
