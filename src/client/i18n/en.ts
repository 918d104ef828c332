/**
 * English, the product's second language: plain words for residents whose Dutch is not
 * (yet) strong. Same keys as nl.ts; the type makes a missing or extra key a compile error.
 */
import type { MessageSchema } from './nl';

const en: MessageSchema = {
  app: {
    name: 'Loket',
    skipLink: 'Skip to content',
  },
  common: {
    retry: 'Try again',
  },
  header: {
    home: '{name}, go to the start page',
    menu: 'Main menu',
    loggedInAs: 'Logged in as {name}',
    logout: 'Log out',
    loggingOut: 'Logging out',
    offlineAs: 'Offline: information of {name}',
    outbox: 'Waiting to be sent ({n})',
    inbox: 'Messages',
    inboxUnread: 'Messages, {n} new | Messages, {n} new',
    notificationSettings: 'Notification settings',
  },
  footer: {
    language: 'Language',
    accessibility: 'Accessibility',
    accessLog: 'Who looked at my data',
    contact: 'Questions? Call {phone}.',
  },
  languages: {
    nl: 'Nederlands',
    en: 'English',
    ar: 'العربية',
  },
  update: {
    message: 'There is a new version of Loket. Reload the page to use it.',
    messageShared: 'There is a new version of Loket. First finish what you are doing. Then reload the page.',
    reload: 'Update now',
    later: 'Later',
  },
  dates: {
    daysLeft: '{n} day left | {n} days left',
    lastDayToday: 'today is the last day',
    daysLate: '{n} day late | {n} days late',
    days: '{n} day | {n} days',
    weeks: '{n} week | {n} weeks',
  },
  start: {
    pageTitle: 'Welcome',
  },
  applications: {
    pageTitle: 'My applications',
  },
  detail: {
    pageTitle: 'Application',
    notFound: 'This application does not exist or is not yours.',
    documentDue: 'Send by {date} ({days}).',
    documentDueLate: 'The last day was {date} ({days}). Send the document as soon as possible.',
    documentRejected: 'We cannot use this document. Send a new document.',
    documentState: {
      open: 'To send',
      overdue: 'Late',
      received: 'Received',
      accepted: 'Accepted',
      rejected: 'Not accepted',
    },
    documentStateText: {
      received: 'We have received it and are checking it. You do not need to send anything now.',
      accepted: 'It has been accepted. You do not need to send anything more.',
    },
  },
  elsewhere: {
    pageTitle: 'Go to your own municipality',
    title: 'You cannot use this service (yet)',
    notParticipating: 'You live in {municipality}. This municipality does not take part in {consortium}.',
    notYet: 'You live in {municipality}. This municipality takes part from {date}.',
    notYetNoDate: 'You live in {municipality}. This municipality does not take part yet.',
    goTo: 'For work and income, please contact {name}.',
    phone: 'Phone',
    website: 'Website',
  },
  accessibility: {
    pageTitle: 'Accessibility',
  },
  pageUnavailable: {
    title: 'This page cannot be opened now',
    offline: 'You are offline, and this page is not on this device yet. Connect to the internet and try again.',
  },
  notFound: {
    pageTitle: 'Page not found',
    text: 'This page does not exist. Maybe the link is old, or the address is not right.',
    home: 'Go to the start page',
  },
  device: {
    question: 'Do other people use this computer too?',
    hint: 'For example in the library or at work. If you choose yes, we keep nothing of yours on this computer.',
    yes: 'Yes',
    no: 'No',
    shared: 'Other people use this computer too. We keep nothing of yours on this computer. Log out when you are done.',
  },
  kiosk: {
    stop: 'Stop and wipe',
    stopping: 'Wiping',
    unsent:
      'Something has not been sent yet. If you stop now, it will be lost. | {n} things have not been sent yet. If you stop now, they will be lost.',
  },
  offline: {
    notice: 'You are offline. You see your information as it was before.',
    lastUpdated: 'Last updated: {time}',
  },
  outbox: {
    pageTitle: 'Waiting to be sent',
    intro:
      'Here you see what you did and whether it has been sent. No internet? Then we send it as soon as there is a connection again.',
    introShared: 'Other people use this computer too. Anything not sent yet is lost when you log out.',
    empty: 'Nothing is waiting. Everything has been sent.',
    kind: {
      question: 'Question about your application',
      'cancel-booking': 'Cancel appointment',
      'home-visit': 'Home visit',
      'cancel-home-visit': 'Cancel home visit',
      'accept-home-visit': 'Accept new date for home visit',
      callback: 'Call me back',
      document: 'Document',
      other: 'Message',
    },
    createdAt: 'Made on {time}',
    state: {
      queued: 'Waiting to be sent',
      waiting: 'Waiting for a connection',
      waitingForLogin: 'Waiting until you log in again',
      sending: 'Being sent',
      sent: 'Sent',
      failed: 'Did not work. We will try again soon.',
      refused: 'Not sent',
    },
    stale:
      'This has been waiting for more than {days} days. Open Loket when you have internet. Some phones delete what Loket keeps after 7 days.',
    retry: 'Try again now',
    cancel: 'Do not send',
    remove: 'Remove from the list',
    callUs: 'What can you do? Call us: {phone}.',
    application: 'Go to the application',
  },
  // The rest of this section comes with the documents page (i18n/documents/), not with the app.
  appointments: {
    pageTitle: 'My appointments',
    bookTitle: 'Make an appointment',
    detailTitle: 'Appointment',
    homeVisitTitle: 'Ask for a home visit',
  },
  objection: {
    pageTitle: 'Object to a decision',
  },
  documents: {
    pageTitle: 'Documents',
    open: 'All documents and letters',
  },
  errors: {
    UNKNOWN: 'Something went wrong. Please try again later.',
    NETWORK_ERROR: 'There is no connection. Check that you have internet. Then try again.',
    NOT_FOUND: 'We cannot find this.',
    UNAUTHENTICATED: 'You are not logged in. Please log in again.',
    FORBIDDEN: 'You are not allowed to see this.',
    RATE_LIMITED: 'You tried too often. Wait a few minutes. Then try again.',
    SERVICE_UNAVAILABLE: 'Loket is not working right now. Please try again later.',
    INTERNAL_ERROR: 'Something went wrong on our side. Please try again later.',
    VALIDATION_FAILED: 'Something is not right in what you sent.',
    LOGIN_CANCELLED: 'You stopped logging in.',
    LOGIN_FAILED: 'Please try again.',
    LOGIN_EXPIRED: 'Logging in took too long. Please try again.',
    UNKNOWN_RESIDENT: 'We do not know you as a client yet. Please call us and we will help you.',
    SESSION_EXPIRED: 'You were not active for a while, so you were logged out. Please log in again.',
    BAD_REQUEST: 'Something is wrong with what you sent.',
    DATABASE_UNAVAILABLE: 'Loket is not working right now. Please try again later.',
    STORAGE_FULL: 'We cannot store this right now. Please try again later. What you filled in stays here.',
    NOT_READY: 'Loket is not working right now. Please try again in a minute.',
    IDEMPOTENCY_KEY_MISSING: 'Something went wrong while sending. Please try again.',
    IDEMPOTENCY_KEY_INVALID: 'Something went wrong while sending. Please try again.',
    IDEMPOTENCY_KEY_REUSED: 'This was sent before with different content. Please send it again as a new message.',
    IDEMPOTENCY_KEY_IN_USE: 'This is being sent right now. Please wait a moment.',
    NOT_DURING_ASSIST: 'Only residents can do this themselves, on their own phone or computer.',
    REAUTH_REQUIRED: 'For your safety, please log in again. Then you can change this.',
    CASE_CLOSED: 'You can no longer ask questions about this application. Please call us if you have a question.',
    DOCUMENT_TYPE_NOT_ALLOWED: 'We cannot accept this kind of file. Please send a PDF or a photo (JPG, PNG or HEIC).',
    DOCUMENT_TOO_LARGE: 'This file is too large. A file may be at most 20 MB.',
    DOCUMENT_EMPTY: 'This file is empty. Please choose another file.',
    DOCUMENT_ENCRYPTED_PDF: 'This PDF has a password. Please send the PDF without a password.',
    DOCUMENT_UNREADABLE: 'We cannot open this file. It may be damaged. Please make a new photo or PDF.',
    DOCUMENT_POLYGLOT:
      'We cannot accept this file. It contains something that does not belong in a PDF or photo. Please make a new photo or PDF.',
    DOCUMENT_INFECTED: 'This file contains a virus. We did not keep it. Please send another file.',
    SCANNER_UNAVAILABLE: 'We cannot check your file right now. Please try again later.',
    OUTBOX_ITEM_TOO_OLD:
      'This waited too long for a connection and was not sent. Please do it again if it is still needed.',
    DAILY_UPLOAD_LIMIT: 'You have sent a lot of files today. Please try again tomorrow, or call us.',
    UPLOAD_NOT_FOUND: 'We can no longer find your file. Please send it again.',
    UPLOAD_INCOMPLETE: 'Your file has not been sent completely yet. Please wait a moment.',
    UPLOAD_ALREADY_REGISTERED: 'We have already received this file.',
    REQUEST_CLOSED: 'We need nothing more for this request. We have already approved your document.',
    REQUEST_TRANSITION_NOT_ALLOWED: 'This is not possible for this document request.',
    MUNICIPALITY_NOT_SERVED:
      'Your municipality does not take part in this service. So you cannot arrange this here. Please contact your own municipality.',
    APPOINTMENT_NOT_ALLOWED:
      'You can only book this appointment while you have an application with us. Call us if you have questions.',
    APPOINTMENT_TYPE_NOT_OFFERED:
      'This appointment is not possible at this place or in this way. Choose another place or way.',
    SLOT_NOT_OFFERED: 'You cannot book an appointment at this time. Choose another time.',
    SLOT_TAKEN: 'Someone else just chose this time. Choose another time.',
    URGENT_CAPACITY_FULL: 'We have no urgent appointment left. Call us now and we will help you quickly.',
    URGENT_TERM_EXCEEDED:
      'With urgent help, the conversation must be within 3 working days of your request. This day is too late. Choose an earlier day, or call us.',
    NO_SLOTS_AVAILABLE: 'There is no free time left. Call us and we will make an appointment together.',
    CUT_OFF_PASSED: 'Your appointment starts soon. You can no longer change or cancel it online. Please call us.',
    APPOINTMENT_CANCELLED: 'This appointment has already been cancelled.',
    APPOINTMENT_REFERENCE_UNKNOWN:
      'We cannot find an appointment with this number. Check the number. It starts with AFS.',
    APPOINTMENT_NOT_TODAY: 'This appointment is not today. Checking in is only possible on the day of the appointment.',
    APPOINTMENT_NOT_IN_PERSON: 'This is a phone or video appointment. There is no need to check in at the desk.',
    LOGOUT_DURING_ASSIST: 'You are helping someone at the front desk. Stop with the button End help.',
    PHONE_NUMBER_INVALID: 'This phone number is not right. Enter a Dutch number, for example 06 12345678.',
    HOME_VISIT_TRANSITION_NOT_ALLOWED: 'This is no longer possible for this home visit.',
    STAFF_NOT_AUTHORISED: 'You cannot log in to Loket with this account. Ask your administrator for access.',
    EMAIL_NOT_CONFIGURED: 'Messages by e-mail are off. You get your messages in Loket.',
    BSN_INVALID: 'This BSN is not right. A BSN has 9 digits. Check that you copied it correctly.',
  },
};

export default en;
