/**
 * Server-side sessions. The browser holds only a random token in an HttpOnly cookie; the
 * database holds its SHA-256, the subject and the timestamps. 15 minutes idle and 12 hours
 * absolute by default (DigiD's own session rules are of the same order); both enforced here,
 * not by cookie expiry, so they hold even when a kiosk browser is never closed.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock';
import type { Database, Session } from '../../db/schema';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Residents and staff have separate cookies, policies and kinds; a token is only valid for its kind. */
export type SessionKind = Session['kind'];

export type SessionLookup =
  { ok: true; session: Session; idleExpiresAt: Date } | { ok: false; reason: 'missing' | 'expired' };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * How old the stored `last_seen_at` may be before a request writes it again. Writing it on every
 * request cost one UPDATE per API call (a large share of a list request on PGlite, which runs one
 * statement at a time; a dead row per call on PostgreSQL). The idle check below always uses the
 * STORED value, so a session can end up to this much sooner than a full idle period after its
 * last request, never later; `idleExpiresAt` tells the client the stored deadline, not a later one.
 */
const LAST_SEEN_WRITE_INTERVAL_MS = 60_000;

/**
 * With a short idle time (SESSION_IDLE_MINUTES=1 at a kiosk) a minute between writes would end an
 * active session: activity is then stored at least ten times per idle period, so a session ends
 * at most a tenth of the idle time early.
 */
function writeIntervalMs(idleMinutes: number): number {
  return Math.min(LAST_SEEN_WRITE_INTERVAL_MS, (idleMinutes * 60_000) / 10);
}

/**
 * Checks a session row against its idle and absolute limits at `now`, and records activity at
 * most once per LAST_SEEN_WRITE_INTERVAL_MS. Returns the last-seen time that now counts, or null
 * when the session is over (ended here on the spot).
 */
async function checkAndTouch(
  db: Kysely<Database>,
  clock: Clock,
  idHash: string,
  session: Pick<Session, 'last_seen_at' | 'absolute_expires_at'>,
  idleMinutes: number,
): Promise<Date | null> {
  const now = clock.now();
  const idleLimit = new Date(session.last_seen_at.getTime() + idleMinutes * 60_000);
  if (now >= idleLimit || now >= session.absolute_expires_at) {
    await endSessionByHash(db, clock, idHash, now >= idleLimit ? 'idle' : 'absolute');
    return null;
  }
  if (now.getTime() - session.last_seen_at.getTime() < writeIntervalMs(idleMinutes)) return session.last_seen_at;
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  return now;
}

/** The id a session is stored under (the token's SHA-256): links an assist session to its staff session. */
export const sessionTokenHash = hashToken;

export async function startSession(
  db: Kysely<Database>,
  clock: Clock,
  policy: SessionPolicy,
  subject: string,
  kind: SessionKind = 'resident',
  /** Staff: the roles the staff identity provider asserted (space-separated), if it sends them */
  staffRoles: string | null = null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      kind,
      subject,
      staff_roles: staffRoles,
      created_at: now,
      last_seen_at: now,
      absolute_expires_at: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
    })
    .execute();
  return token;
}

/** Finds a live session and marks it as seen (see LAST_SEEN_WRITE_INTERVAL_MS); an expired one is ended on the spot. */
export async function useSession(
  db: Kysely<Database>,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
  kind: SessionKind = 'resident',
  /** Resident sessions that staff opened at the desk (assist) idle by this policy instead */
  assistPolicy?: SessionPolicy,
): Promise<SessionLookup> {
  const idHash = hashToken(token);
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    // A staff token in the resident cookie (or the reverse) opens nothing.
    .where('kind', '=', kind)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (!session) return { ok: false, reason: 'missing' };

  const idleMinutes = (session.assist_staff_account_id && assistPolicy ? assistPolicy : policy).idleMinutes;
  const lastSeen = await checkAndTouch(db, clock, idHash, session, idleMinutes);
  if (!lastSeen) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    session: { ...session, last_seen_at: lastSeen },
    idleExpiresAt: new Date(lastSeen.getTime() + idleMinutes * 60_000),
  };
}

export interface AssistSessionStart {
  bsn: string;
  staffAccountId: string;
  /** `sessionTokenHash` of the staff session that opens it */
  staffSessionHash: string;
  role: string;
  purpose: string;
  purposeText: string | null;
  absoluteExpiresAt: Date;
}

/**
 * A resident session opened by front-desk staff on the resident's behalf (issue 6 point 3): a
 * resident session in every way (same cookie, same routes), marked with who opened it and why.
 */
export async function startAssistSession(
  db: Kysely<Database>,
  clock: Clock,
  start: AssistSessionStart,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      kind: 'resident',
      subject: start.bsn,
      staff_roles: null,
      created_at: now,
      last_seen_at: now,
      absolute_expires_at: start.absoluteExpiresAt,
      assist_staff_account_id: start.staffAccountId,
      assist_staff_session: start.staffSessionHash,
      assist_role: start.role,
      assist_purpose: start.purpose,
      assist_purpose_text: start.purposeText,
    })
    .execute();
  return token;
}

/**
 * Is the session stored under `idHash` (of `kind`) still live by `policy`? Marks it as seen
 * (at most once a minute, as useSession) when it is, and ends it when its time is up: an assist session's requests keep the staff
 * session that opened it alive, and die with it.
 */
export async function touchSessionByHash(
  db: Kysely<Database>,
  clock: Clock,
  policy: SessionPolicy,
  idHash: string,
  kind: SessionKind,
): Promise<boolean> {
  const session = await db
    .selectFrom('sessions')
    .select(['last_seen_at', 'absolute_expires_at'])
    .where('id_hash', '=', idHash)
    .where('kind', '=', kind)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (!session) return false;
  return (await checkAndTouch(db, clock, idHash, session, policy.idleMinutes)) !== null;
}

export async function endSession(db: Kysely<Database>, clock: Clock, token: string, reason: string): Promise<void> {
  await endSessionByHash(db, clock, hashToken(token), reason);
}

/** Ends every live session of one subject (a disabled staff account); returns how many. */
export async function endSessionsOf(
  db: Kysely<Database>,
  clock: Clock,
  kind: SessionKind,
  subject: string,
  reason: string,
): Promise<number> {
  const ended = await db
    .updateTable('sessions')
    .set({ ended_at: clock.now(), end_reason: reason })
    .where('kind', '=', kind)
    .where('subject', '=', subject)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(ended.numUpdatedRows);
}

async function endSessionByHash(db: Kysely<Database>, clock: Clock, idHash: string, reason: string) {
  await db
    .updateTable('sessions')
    .set({ ended_at: clock.now(), end_reason: reason })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .execute();
}
