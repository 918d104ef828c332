/**
 * Re-authentication before changing contact details (issue 7): a session that is still alive
 * is not proof enough that the person at the screen is the one who logged in (a phone left
 * unlocked, a kiosk walked away from). Changing where messages go needs a login of the last
 * few minutes; otherwise 403 REAUTH_REQUIRED, and the app offers to log in again.
 */
import type { FastifyRequest } from 'fastify';
import type { Clock } from '../../clock';
import { AppError } from '../../errors';
import { requireResident } from './session-hook';

const RECENT_LOGIN_MINUTES = 5;

export function requireRecentLogin(request: FastifyRequest, clock: Clock): void {
  const { loggedInAt } = requireResident(request);
  if (clock.now().getTime() - loggedInAt.getTime() > RECENT_LOGIN_MINUTES * 60_000) {
    throw new AppError(
      403,
      'REAUTH_REQUIRED',
      `Log in again (within ${RECENT_LOGIN_MINUTES} minutes) to change contact details`,
    );
  }
}
