/** Messages of the front desk (/balie) and of the assist banner, English. See nl.ts. */
import type { BalieMessageSchema } from './nl';

const en: BalieMessageSchema = {
  balie: {
    pageTitle: 'Front desk',
    loginTitle: 'Front desk: staff login',
    noAccess: 'Your role does not let you help anyone here. A front-desk employee can.',
    search: {
      title: 'Help a resident',
      intro: 'Find the resident by their BSN or by a case reference from a letter. Fill in one of the two.',
      bsn: 'BSN',
      bsnHint: '9 digits, for example from their identity document.',
      reference: 'Case reference',
      referenceHint: 'For example WI-2026-00001.',
      submit: 'Search',
      searching: 'Searching',
      neither: 'Enter a BSN or a case reference.',
      both: 'Fill in one of the two, not both.',
      bsnInvalid: 'This BSN is not right. A BSN has 9 digits. Check that you copied it correctly.',
      notFound: 'Nobody found. Check the number. You only find residents of the municipalities you work for.',
      found: 'Found',
      foundText: '{name}, {municipality}',
    },
    purpose: {
      legend: 'What are you helping with?',
      walk_in_help: 'Answering questions and looking along',
      upload_documents: 'Sending documents',
      appointment: 'Making, moving or cancelling an appointment',
      home_visit: 'Asking for a home visit',
      other: 'Something else',
      missing: 'Choose what you are helping with.',
      text: 'Explanation',
      textHint:
        'Required for "Something else". Short, 200 characters at most. Do not write details about the resident here.',
      textMissing: 'Write briefly what you are helping with.',
      textTooLong: 'This is too long. Use 200 characters at most.',
      start: 'Start helping',
      starting: 'Starting',
      audit: 'The resident will see in Loket that a front-desk employee helped them, and why.',
    },
    expired:
      'The help has stopped because nothing happened for a while. Everything of the resident has been wiped from this screen.',
    busy: 'You are helping {name} now. End that first. Then you can help someone else.',
    banner: {
      label: 'Help at the front desk',
      helping: 'You are helping {name}',
      purpose: 'Purpose: {purpose}',
      end: 'End help',
      ending: 'Ending',
    },
  },
};

export default en;
