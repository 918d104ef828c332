/** Start page: English. Same keys as nl.ts (the type makes a missing or extra key a compile error). */
import type nl from './nl';

const en: typeof nl = {
  start: {
    title: 'Welcome to {name}',
    intro:
      'In Loket you see your applications for social assistance and other schemes. You see how far we are and what you still need to do. You log in with DigiD.',
    login: 'Log in with DigiD',
    simulated:
      'This is a test environment. Here you log in with a simulation of DigiD, not with the real DigiD. Do not use real personal details.',
    reasonExpired: 'You were logged out because you did nothing for a while. Log in again to continue.',
    reasonLoggedOut: 'You are logged out. Do other people use this computer too? Then close all browser windows.',
    reasonLogoutFailed: 'Logging out may not have worked. Close all browser windows. Then you are surely logged out.',
    reasonWiped: 'Your session has stopped. We wiped everything of yours from this computer.',
    reasonWipedIdle:
      'You did nothing for a while, so your session has stopped. We wiped everything of yours from this computer.',
    loginFailed: 'Logging in did not work.',
    sessionUnknown: 'We could not check whether you are logged in.',
  },
};

export default en;
