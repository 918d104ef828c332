/**
 * Assist sessions (issue 6 point 3): a resident session that front-desk staff opened for a
 * walk-in. The resident session hook (auth/session-hook.ts) asks `liveAssist` on every request
 * of such a session: it lives only while the staff session that opened it lives (logout, 30
 * minutes idle, absolute end, account disabled all end it), and each of its requests counts as
 * activity of that staff session (the desk is working, in the resident's screens).
 */
import {
  isAssistPurpose,
  ASSIST_ABSOLUTE_HOURS,
  ASSIST_IDLE_MINUTES,
  type AssistPurpose,
} from '../../../domain/assist';
import type { AppContext } from '../../context';
import type { Session } from '../../db/schema';
import { touchSessionByHash, type SessionPolicy } from '../auth/sessions';

export const ASSIST_ROLE = 'front_desk' as const;

/** On the request while a resident session is an assist session */
export interface ResidentAssist {
  staffAccountId: string;
  role: typeof ASSIST_ROLE;
  purpose: AssistPurpose;
  purposeText: string | null;
}

export const assistSessionPolicy: SessionPolicy = {
  idleMinutes: ASSIST_IDLE_MINUTES,
  absoluteHours: ASSIST_ABSOLUTE_HOURS,
};

/** The assist facts of a live assist session; null when it must end now (its staff side ended). */
export async function liveAssist(ctx: AppContext, session: Session): Promise<ResidentAssist | null> {
  const staffAccountId = session.assist_staff_account_id;
  if (!staffAccountId || !session.assist_staff_session || !isAssistPurpose(session.assist_purpose)) return null;
  const account = await ctx.db
    .selectFrom('staff_accounts')
    .select(['disabled_at', 'consortium_id'])
    .where('id', '=', staffAccountId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_role_grants')
          .select('staff_role_grants.role')
          .whereRef('staff_role_grants.account_id', '=', 'staff_accounts.id')
          .where('staff_role_grants.role', '=', ASSIST_ROLE),
      ),
    )
    .executeTakeFirst();
  if (!account || account.disabled_at || account.consortium_id !== ctx.consortium.id) return null;
  const staffPolicy = {
    idleMinutes: ctx.config.staffSessionIdleMinutes,
    absoluteHours: ctx.config.staffSessionAbsoluteHours,
  };
  if (!(await touchSessionByHash(ctx.db, ctx.clock, staffPolicy, session.assist_staff_session, 'staff'))) return null;
  return {
    staffAccountId,
    role: ASSIST_ROLE,
    purpose: session.assist_purpose,
    purposeText: session.assist_purpose_text,
  };
}
