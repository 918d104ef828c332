/** Messages of "Object to a decision", English. See nl.ts. */
import type { ObjectionMessageSchema } from './nl';

const en: ObjectionMessageSchema = {
  objection: {
    back: 'Back to the application',
    intro: 'Do you disagree with our decision? Then you can object. We will then look at your application again.',
    laterOnline: 'You cannot object in Loket yet. That form will come later. For now you do it by letter.',
    loading: 'Please wait. Loading the application.',
    decisionTitle: 'Which decision?',
    scheme: 'Application',
    reference: 'Reference',
    decidedOn: 'Date of decision',
    until: 'You can object up to and including',
    untilValue: '{date} ({days})',
    noDecision: 'There is no decision on this application yet. You can only object once there is a decision.',
    closed:
      'The time to object has passed. The last day was {date}. Do you still have questions about the decision? Call us: {phone}.',
    timeTitle: 'How much time do you have?',
    time: 'You have 6 weeks, from the day after the decision. Make sure we have your letter by {date}.',
    timeLaw: 'This is the law: the General Administrative Law Act (Awb), article 6:7.',
    writeTitle: 'What do you write in your letter?',
    writeName: 'Your name and address.',
    writeDate: "Today's date.",
    writeWhich: 'Which decision it is about: reference {reference}, decision of {date}.',
    writeWhichNoDecision: 'Which decision it is about: the reference and the date of the decision.',
    writeWhy: 'Why you disagree with the decision. Write it in your own words.',
    writeSign: 'Your signature.',
    writeCopy: 'Do you have the letter with the decision? Send a copy with it.',
    writeHearing: 'Would you also like to explain your objection in a conversation? Write that in your letter.',
    sendTitle: 'Where do you send the letter?',
    sendTo: 'Send your letter to:',
    sendDesk: 'You may also hand in the letter at the desk yourself.',
    helpTitle: 'Need help?',
    help: 'Call us: {phone}. We are happy to help you with your objection.',
  },
};

export default en;
