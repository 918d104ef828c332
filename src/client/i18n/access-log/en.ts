/** Messages of "Who looked at my data", English. See nl.ts. */
import type { AccessLogMessageSchema } from './nl';

const en: AccessLogMessageSchema = {
  accessLog: {
    title: 'Who looked at my data',
    intro:
      'Here you see who at {consortium} looked at or changed your data. For each visit you see who it was, why, when and what they did. The newest is at the top.',
    right: 'This is your right. It lets you keep an eye on what happens to your data.',
    rolesOnly: 'You see the job of the staff member. We do not show their name.',
    loading: 'Getting the information.',
    empty: 'Nobody here has looked at or changed your data.',
    questions: 'Does something look strange? Call us: {phone}.',
    visitsTitle: 'Looked at or changed: {n} time | Looked at or changed: {n} times',
    sameDay: '{date}, from {from} to {to}',
    fromTo: 'from {from} to {to}',
    when: 'When',
    what: 'What',
    why: 'Why',
    role: {
      front_desk: 'A front desk employee',
      case_worker: 'A case worker',
      planner: 'A planner',
      administrator: 'An administrator',
    },
    action: {
      search: { case: 'Looked up your application', resident: 'Looked you up to help you' },
      // front-desk help: what the desk did for you in your own screens
      assist: {
        read: {
          resident: 'Looked at your details with you',
          case: 'Looked at your applications with you',
          document: 'Looked at your documents with you',
          appointment: 'Looked at your appointments with you',
          home_visit: 'Looked at your home visits with you',
          callback_request: 'Looked at your call-back requests with you',
          access_log: 'Looked at this list with you',
        },
        create: {
          assist_session: 'Started helping you at the front desk',
          appointment: 'Made an appointment for you',
          home_visit: 'Asked for a home visit for you',
          callback_request: 'Asked for a call back for you',
          document: 'Sent a document for you',
          case: 'Asked a question about your application for you',
        },
        update: {
          appointment: 'Moved or cancelled your appointment',
          home_visit: 'Changed your home visit',
          document: 'Sent a document for you',
        },
        logout: { assist_session: 'Stopped helping you at the front desk' },
      },
      read: {
        case: 'Looked at your application and your documents',
        document: 'Looked at one of your documents',
        appointment: 'Saw your appointment in the agenda',
        home_visit: 'Looked at your request for a home visit',
        question: 'Read your questions about your application',
      },
      list: { case: 'Saw your application in the worklist' },
      download: { document: 'Opened a document you sent' },
      create: { document_request: 'Asked you for a document' },
      update: {
        document_request: 'Judged a document you sent',
        case: 'Changed something in your application',
        home_visit: 'Planned or changed your home visit',
        question: 'Answered your question',
      },
      other: 'Looked at or changed your data',
    },
    purpose: {
      case_handling: 'To handle your application',
      document_check: 'To check your documents',
      walk_in_assistance: 'To help you at the front desk',
      appointment_planning: 'To plan an appointment or home visit',
      account_management: 'To manage Loket',
      assist_walk_in_help: 'To help you at the front desk',
      assist_upload_documents: 'To send documents for you at the front desk',
      assist_appointment: 'To make an appointment for you at the front desk',
      assist_home_visit: 'To ask for a home visit for you at the front desk',
      assist_other: 'To help you at the front desk (something else)',
      none: 'Not recorded',
    },
  },
};

export default en;
