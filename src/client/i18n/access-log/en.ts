/** Messages of "Who looked at my data", English. See nl.ts. */
import type { AccessLogMessageSchema } from './nl';

const en: AccessLogMessageSchema = {
  accessLog: {
    title: 'Who looked at my data',
    intro: 'Here you see who at {consortium} looked at or changed your data. You see when, what and why. The newest is at the top.',
    right: 'This is your right. It lets you keep an eye on what happens to your data.',
    rolesOnly: 'You see the job of the staff member. We do not show their name.',
    loading: 'Getting the information.',
    empty: 'Nobody here has looked at or changed your data.',
    questions: 'Does something look strange? Call us: {phone}.',
    when: 'When',
    who: 'Who',
    what: 'What',
    why: 'Why',
    role: {
      front_desk: 'A front desk employee',
      case_worker: 'A case worker',
      planner: 'A planner',
      administrator: 'An administrator',
    },
    action: {
      search: { case: 'Looked up your application' },
      read: { case: 'Looked at your application and your documents', document: 'Looked at one of your documents' },
      download: { document: 'Opened a document you sent' },
      create: { document_request: 'Asked you for a document' },
      update: { document_request: 'Judged a document you sent', case: 'Changed something in your application' },
      other: 'Looked at or changed your data',
    },
    purpose: {
      case_handling: 'To handle your application',
      document_check: 'To check your documents',
      walk_in_assistance: 'To help you at the front desk',
      appointment_planning: 'To plan an appointment or home visit',
      account_management: 'To manage Loket',
      none: 'Not recorded',
    },
  },
};

export default en;
