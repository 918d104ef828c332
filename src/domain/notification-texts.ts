/**
 * What a resident reads about each event (issue 8), Dutch (B1) and English: the one source of
 * these words. The server puts them in e-mails; the app's inbox catalogue
 * (src/client/i18n/notifications) takes them from here, and the build ships them precompiled.
 * No text names a person, a case or an amount: a message may be read on a lock screen or in a
 * shared mailbox. Plain strings only: vue-i18n must render each one as written (no braces, @,
 * | or $; test/unit/notification-texts.test.ts renders them).
 */
import type { NotificationEventType } from './notification-events';

type NotificationLocale = 'nl' | 'en';

export interface NotificationText {
  /** Short line: the inbox item's heading */
  title: string;
  /** One or two sentences: what happened and what to do */
  body: string;
}

export const NOTIFICATION_TEXTS: Record<NotificationLocale, Record<NotificationEventType, NotificationText>> = {
  nl: {
    status_changed: {
      title: 'Uw aanvraag is verder',
      body: 'De status van uw aanvraag is veranderd. Kijk wat er nu gebeurt.',
    },
    document_requested: {
      title: 'Wij vragen een document',
      body: 'Wij hebben een document van u nodig. Kijk welk document en voor wanneer.',
    },
    document_accepted: { title: 'Document goedgekeurd', body: 'Wij hebben uw document bekeken. Het is goed.' },
    document_rejected: {
      title: 'Document niet goed',
      body: 'Wij hebben uw document bekeken. Het is niet goed. Lees waarom en stuur het opnieuw.',
    },
    document_due_soon: {
      title: 'Nog 2 dagen voor uw document',
      body: 'Over 2 dagen moet uw document bij ons zijn. Stuur het op tijd.',
    },
    document_due_today: {
      title: 'Vandaag: stuur uw document',
      body: 'Vandaag is de laatste dag voor uw document. Stuur het vandaag.',
    },
    appointment_tomorrow: {
      title: 'Morgen heeft u een afspraak',
      body: 'Denk aan uw afspraak van morgen. Kijk hoe laat en wat u meeneemt.',
    },
    appointment_changed: {
      title: 'Uw afspraak is veranderd',
      body: 'Wij hebben uw afspraak veranderd. Kijk wat er anders is.',
    },
    home_visit_planned: {
      title: 'Wij komen bij u langs',
      body: 'Uw huisbezoek is gepland. Kijk op welke dag en hoe laat.',
    },
    decision_letter_available: {
      title: 'Er is een brief voor u',
      body: 'Er is een brief met ons besluit. U kunt de brief nu lezen.',
    },
    letter_available: {
      title: 'Er is een brief voor u',
      body: 'Wij hebben u een brief gestuurd. U kunt de brief nu lezen.',
    },
    question_answered: {
      title: 'Antwoord op uw vraag',
      body: 'Wij hebben uw vraag beantwoord. U leest het antwoord bij uw aanvraag.',
    },
  },
  en: {
    status_changed: {
      title: 'Your application has moved on',
      body: 'The status of your application has changed. See what happens next.',
    },
    document_requested: {
      title: 'We need a document',
      body: 'We need a document from you. See which one and by when.',
    },
    document_accepted: { title: 'Document accepted', body: 'We have checked your document. It is fine.' },
    document_rejected: {
      title: 'Document not accepted',
      body: 'We have checked your document. It is not right. Read why and send it again.',
    },
    document_due_soon: {
      title: '2 days left for your document',
      body: 'Your document must reach us in 2 days. Send it in time.',
    },
    document_due_today: {
      title: 'Today: send your document',
      body: 'Today is the last day for your document. Send it today.',
    },
    appointment_tomorrow: {
      title: 'You have an appointment tomorrow',
      body: 'Remember your appointment tomorrow. See the time and what to bring.',
    },
    appointment_changed: {
      title: 'Your appointment has changed',
      body: 'We have changed your appointment. See what is different.',
    },
    home_visit_planned: { title: 'We will visit you', body: 'Your home visit is planned. See the day and the time.' },
    decision_letter_available: {
      title: 'There is a letter for you',
      body: 'There is a letter with our decision. You can read it now.',
    },
    letter_available: { title: 'There is a letter for you', body: 'We have sent you a letter. You can read it now.' },
    question_answered: {
      title: 'An answer to your question',
      body: 'We have answered your question. You can read the answer with your application.',
    },
  },
};

/** The push payload's only text: a lock screen must not tell anyone what it is about. */
export const PUSH_TEXT = 'Er is nieuws in Loket';

/** Every e-mail's subject: no name, no case, no amount (issue 8 point 4). */
export const EMAIL_SUBJECT = 'Er is nieuws in Loket / News in Loket';
export const EMAIL_VERIFY_SUBJECT = 'Bevestig uw e-mailadres voor Loket / Confirm your e-mail address';
