import type { TestPerson } from './index';
import { escapeHtml } from '../escape-html';
import { renderPage } from './layout';

const PAGE_TITLE = 'DigiD simulatie';

/** Plain-Dutch (B1) messages; the codes are what tests and callers compare, never the text. */
const LOGIN_ERRORS = {
  // Too short, too long or not digits: say what a BSN looks like.
  BSN_LENGTH: 'Een BSN heeft 9 cijfers. Kijk of u het hele nummer heeft getypt.',
  // 9 digits that fail the elfproef: a typing error in one of them, most likely.
  BSN_INVALID: 'Dit BSN bestaat niet. Kijk of u geen cijfer verkeerd heeft getypt.',
  BSN_UNKNOWN: 'Dit BSN hoort niet bij een testpersoon.',
} as const;
export type LoginErrorCode = keyof typeof LOGIN_ERRORS;

export interface LoginPageState {
  /** Base path of this interaction, e.g. /idp/interaction/abc. */
  interactionPath: string;
  typedBsn?: string;
  error?: LoginErrorCode;
  /** The consortium's demo residents in this database */
  testPersons?: TestPerson[];
}

const TEST_NOTICE = `<p class="notice"><strong>Testomgeving.</strong> Dit is geen echte DigiD.
Log in met het BSN van een testpersoon. Vul nooit uw eigen BSN in.</p>`;

/**
 * One button per test resident: it shows this page again with the BSN filled in (a form, not a
 * script: the page allows none; a POST, so no BSN travels in a URL). A tester picks a situation
 * instead of copying numbers.
 */
function testPersonList(interactionPath: string, persons: TestPerson[]): string {
  if (persons.length === 0) return '';
  const items = persons
    .map(
      (
        p,
      ) => `<li><button type="submit" class="person" name="bsn" value="${escapeHtml(p.bsn)}">${escapeHtml(p.name)}, BSN ${escapeHtml(p.bsn)}</button>
<p>${escapeHtml(p.description)}</p></li>`,
    )
    .join('\n');
  return `<h2>Testpersonen</h2>
<p class="hint">Kies een testpersoon. Het BSN komt dan in het veld hierboven.</p>
<form method="post" action="${interactionPath}/kies">
<ul class="people">
${items}
</ul>
</form>`;
}

export function loginPage({ interactionPath, typedBsn = '', error, testPersons = [] }: LoginPageState): string {
  const path = escapeHtml(interactionPath);
  // The error sits between label and field and is tied to it, so a screen reader announces it
  // with the field; autofocus (only after an error) puts the user right back on that field.
  const errorHtml = error ? `<p id="bsn-error" class="error">${LOGIN_ERRORS[error]}</p>` : '';
  const describedBy = error ? 'bsn-hint bsn-error' : 'bsn-hint';
  const invalidAttrs = error ? ' aria-invalid="true" autofocus' : '';
  // A BSN picked from the list: the next step is "Inloggen", so that is where focus goes.
  const submitAttrs = typedBsn && !error ? ' autofocus' : '';
  // novalidate: the server gives the same Dutch message in every browser, instead of the
  // browser's own validation bubble in the browser's language.
  return renderPage(
    error ? `Fout: ${PAGE_TITLE}` : PAGE_TITLE,
    `<h1>${PAGE_TITLE}</h1>
${TEST_NOTICE}
<form method="post" action="${path}/login" novalidate>
<label for="bsn">BSN</label>
<p id="bsn-hint" class="hint">Burgerservicenummer van de testpersoon.</p>
${errorHtml}
<input id="bsn" name="bsn" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" value="${escapeHtml(typedBsn)}" aria-describedby="${describedBy}"${invalidAttrs}>
<div class="actions">
<button type="submit"${submitAttrs}>Inloggen</button>
<button type="submit" class="secondary" formaction="${path}/abort">Annuleren</button>
</div>
</form>
${testPersonList(path, testPersons)}`,
  );
}

/** For anything that went wrong outside the form: expired interaction, bad authorization request. */
export function errorPage(message: string, technicalCode?: string): string {
  const code = technicalCode ? `<p>Technische foutcode: <code>${escapeHtml(technicalCode)}</code></p>` : '';
  return renderPage(
    `Fout: ${PAGE_TITLE}`,
    `<h1>${PAGE_TITLE}: er ging iets mis</h1>
${TEST_NOTICE}
<p>${escapeHtml(message)}</p>
${code}`,
  );
}

/**
 * RP-initiated logout confirmation. oidc-provider hands us `form` (its own form with the xsrf
 * token, id "op.logoutForm"); the buttons point at it with the form attribute, so no script.
 */
export function logoutPage(providerForm: string): string {
  return renderPage(
    `Uitloggen: ${PAGE_TITLE}`,
    `<h1>Uitloggen bij ${PAGE_TITLE}</h1>
${TEST_NOTICE}
<p>Wilt u uitloggen?</p>
${providerForm}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, uitloggen</button>
<button type="submit" form="op.logoutForm" class="secondary">Nee, ingelogd blijven</button>
</div>`,
  );
}

export function loggedOutPage(): string {
  return renderPage(
    `Uitgelogd: ${PAGE_TITLE}`,
    `<h1>U bent uitgelogd</h1>
${TEST_NOTICE}
<p>U bent uitgelogd bij de ${PAGE_TITLE}. U kunt dit venster sluiten.</p>`,
  );
}
