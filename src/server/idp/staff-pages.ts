import type { StaffRole } from '../../domain/staff';
import type { SimulatedStaff } from './index';
import { escapeHtml } from '../escape-html';
import { renderPage } from './layout';

/**
 * The simulator's login page for staff: it stands in for the organisation's own identity
 * provider (issue 6), so it asks for a username, not a BSN, and lists the test accounts (a
 * simulation only ever knows test accounts, and a first-time tester needs to know what to type).
 */
const STAFF_PAGE_TITLE = 'Inlogsimulatie medewerkers';

/** Staff account ids at the provider carry this prefix; a BSN never can. */
export const STAFF_ACCOUNT_PREFIX = 'staff:';

const STAFF_LOGIN_ERRORS = {
  USERNAME_INVALID: 'Vul een gebruikersnaam in: kleine letters, cijfers, punt, streepje.',
  USERNAME_UNKNOWN: 'Deze gebruikersnaam hoort niet bij een testmedewerker.',
} as const;
export type StaffLoginErrorCode = keyof typeof STAFF_LOGIN_ERRORS;

const ROLE_NAMES: Record<StaffRole, string> = {
  front_desk: 'baliemedewerker',
  case_worker: 'klantmanager',
  planner: 'planner',
  administrator: 'beheerder',
};

export interface StaffLoginPageState {
  interactionPath: string;
  typedUsername?: string;
  error?: StaffLoginErrorCode;
  testStaff: SimulatedStaff[];
}

const NOTICE = `<p class="notice"><strong>Testomgeving.</strong> Dit is niet het echte inlogsysteem van
uw organisatie. Log in met een testaccount.</p>`;

function testAccounts(staff: SimulatedStaff[]): string {
  if (staff.length === 0) return '';
  const items = staff
    .map((s) => {
      const roles = s.roles.map((r) => ROLE_NAMES[r]).join(', ');
      return `<li><code>${escapeHtml(s.username)}</code>: ${escapeHtml(s.name)} (${escapeHtml(roles)})</li>`;
    })
    .join('\n');
  return `<h2>Testaccounts</h2>\n<ul>\n${items}\n</ul>`;
}

export function staffLoginPage({ interactionPath, typedUsername = '', error, testStaff }: StaffLoginPageState): string {
  const path = escapeHtml(interactionPath);
  const errorHtml = error ? `<p id="username-error" class="error">${STAFF_LOGIN_ERRORS[error]}</p>` : '';
  const describedBy = error ? 'username-hint username-error' : 'username-hint';
  const invalidAttrs = error ? ' aria-invalid="true" autofocus' : '';
  return renderPage(
    error ? `Fout: ${STAFF_PAGE_TITLE}` : STAFF_PAGE_TITLE,
    `<h1>${STAFF_PAGE_TITLE}</h1>
${NOTICE}
<form method="post" action="${path}/login" novalidate>
<label for="username">Gebruikersnaam</label>
<p id="username-hint" class="hint">Uw gebruikersnaam bij de organisatie.</p>
${errorHtml}
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" value="${escapeHtml(typedUsername)}" aria-describedby="${describedBy}"${invalidAttrs}>
<div class="actions">
<button type="submit">Inloggen</button>
<button type="submit" class="secondary" formaction="${path}/abort">Annuleren</button>
</div>
</form>
${testAccounts(testStaff)}`,
  );
}
