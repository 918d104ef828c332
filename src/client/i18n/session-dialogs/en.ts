/** Messages of the session dialogs, English. See nl.ts. */
import type { SessionDialogsMessageSchema } from './nl';

const en: SessionDialogsMessageSchema = {
  kiosk: {
    idle: {
      title: 'Are you still there?',
      text: 'You did nothing for 3 minutes. Soon your session stops. Then we wipe everything of yours from this computer. Do you want to go on? Then choose Continue.',
      secondsLeft: '{n} second left | {n} seconds left',
      continue: 'Continue',
    },
  },
  sessionWarning: {
    title: 'Your session is about to end',
    idle: 'You did nothing in Loket for a while. So we will log you out soon. Do you want to go on? Then choose Stay logged in.',
    absolute: 'You have been logged in for a long time. So we will log you out soon. After that you can log in again.',
    kept: 'Are you typing a question or a request for a home visit? Then what you typed will be there again when you log in again.',
    minutesLeft: '{n} minute left | {n} minutes left',
    secondsLeft: '{n} second left | {n} seconds left',
    stay: 'Stay logged in',
    understood: 'I understand',
  },
  leave: {
    unsent:
      'Your question has not been sent yet. If you stop now, it will be lost. | Your {n} questions have not been sent yet. If you stop now, they will be lost.',
    expiry: 'You will be logged out in 2 minutes because you are not doing anything.',
    stay: 'Stay logged in',
    leave: 'Log out anyway',
  },
};

export default en;
