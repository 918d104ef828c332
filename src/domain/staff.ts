/**
 * Staff of the joint service and what the audit log says about them: roles, their scope, and
 * the words of the access log. Pure rules, used by the server (guards, audit) and the client
 * (which pages to offer, how a resident reads the log).
 *
 * Need-to-know (BIO 9.2 / AVG art. 5(1)(f) and 25): a role grants only what its work needs, and
 * each role is scoped to the consortium or to named municipalities (CBS codes). An
 * administrator manages accounts and sessions but does not read dossiers.
 */

export const STAFF_ROLES = ['front_desk', 'case_worker', 'planner', 'administrator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** '*' is the whole consortium; otherwise a CBS municipality code ('0629'). */
export type StaffScope = '*' | string;
export const WHOLE_CONSORTIUM: StaffScope = '*';

export interface RoleGrant {
  role: StaffRole;
  scope: StaffScope;
}

/**
 * The municipalities in which an account may act with one of `roles`: 'all' (a consortium-wide
 * grant), a set of CBS codes, or an empty set (no such role at all).
 */
export function municipalitiesFor(grants: readonly RoleGrant[], roles: readonly StaffRole[]): 'all' | Set<string> {
  const matching = grants.filter((g) => roles.includes(g.role));
  if (matching.some((g) => g.scope === WHOLE_CONSORTIUM)) return 'all';
  return new Set(matching.map((g) => g.scope));
}

export function mayActIn(grants: readonly RoleGrant[], roles: readonly StaffRole[], municipalityCode: string): boolean {
  const allowed = municipalitiesFor(grants, roles);
  return allowed === 'all' || allowed.has(municipalityCode);
}

export function hasAnyRole(grants: readonly RoleGrant[], roles: readonly StaffRole[]): boolean {
  return grants.some((g) => roles.includes(g.role));
}

/**
 * Why staff looked at or changed a dossier (BIO 8.15.01: the log records the purpose). The
 * resident reads these in plain words on "Wie keek in mijn gegevens"; codes, never free text,
 * so the words are translated and the log cannot carry personal data by accident.
 */
export const AUDIT_PURPOSES = [
  'case_handling',
  'document_check',
  'walk_in_assistance',
  'appointment_planning',
  'account_management',
  // front-desk help for a walk-in (src/domain/assist.ts): one per purpose the desk can state
  'assist_walk_in_help',
  'assist_upload_documents',
  'assist_appointment',
  'assist_home_visit',
  'assist_other',
] as const;
export type AuditPurpose = (typeof AUDIT_PURPOSES)[number];

export const AUDIT_ACTIONS = [
  'read',
  'search',
  // a case shown in the case worker's worklist (reference and what waits, nothing more)
  'list',
  'download',
  'create',
  'update',
  'login',
  'logout',
  'end',
  'disable',
  'delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What was looked at or changed, as the resident reads it. */
export const AUDIT_OBJECT_TYPES = [
  'case',
  'document',
  'document_request',
  'staff_account',
  'staff_session',
  'api_route',
  // planning (issue 5 point 7): a place's day, its closures and capacity, appointments, home visits
  'agenda',
  'place_closure',
  'capacity_change',
  'appointment',
  'home_visit',
  // front-desk help (assist sessions): the resident's own screens, used on their behalf
  'resident',
  'assist_session',
  'callback_request',
  'access_log',
  // a resident's question about their application (issue 14)
  'question',
] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];

/**
 * Whether an administrator may see and manage an account: every municipality the account can
 * act in must be one the administrator administers. An account with a consortium-wide grant, or
 * with no grant at all, is for a consortium-wide administrator only (disabling it would reach
 * municipalities that are not theirs).
 */
export function administers(administrator: readonly RoleGrant[], account: readonly RoleGrant[]): boolean {
  const mine = municipalitiesFor(administrator, ['administrator']);
  if (mine === 'all') return true;
  return account.length > 0 && account.every((grant) => grant.scope !== WHOLE_CONSORTIUM && mine.has(grant.scope));
}
