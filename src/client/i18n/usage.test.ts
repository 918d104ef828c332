// Every message key is used by the code, and every key the code names exists. The code is every
// .vue and .ts file under src/client except tests and the catalogues themselves. A key counts as
// used when it appears as a whole string literal ('a.b', "a.b" or `a.b`): t('...'), $t('...'),
// te('...'), <MessageWithParts keypath="...">, route meta titleKey, and keys kept in a variable first
// (StartPage's reasons, the staff form's field labels). Keys built at run time from a prefix
// (`errors.${code}`) are listed in DYNAMIC below, each with the reason; a new prefix in the code
// fails this test until it is listed, and a listed prefix the code no longer builds fails too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatten, type Tree } from './message-tree';
import { KEY_DATE_KINDS } from '../../domain/applications';

// Vitest runs from the project root (happy-dom's URL cannot turn import.meta.url into a path).
const CLIENT = resolve(process.cwd(), 'src/client');
const CATALOGUE = /[\\/]i18n[\\/]([\w-]+[\\/])?[a-z]{2}(-[A-Z]{2})?\.ts$/;

/**
 * Prefixes of keys the code builds at run time. `keys: 'all'` means every key under the prefix
 * can be asked for; a list names the only ones the code can build.
 */
const DYNAMIC: Record<string, { keys: 'all' | string[]; why: string }> = {
  'errors.': {
    keys: 'all',
    why: 'the API and the client report a code; i18n/errors.ts and outbox items show errors.<CODE> (messages.test.ts checks one per code)',
  },
  'languages.': { keys: 'all', why: 'LanguageSwitch labels one button per supported locale' },
  'detail.documentState.': { keys: 'all', why: 'a document request state from the API' },
  'detail.decisionResultLabel.': { keys: 'all', why: 'a decision result from the API' },
  'detail.documentStateText.': {
    keys: 'all',
    why: 'a request no longer asked for says its state (received, accepted)',
  },
  'keyDates.': {
    keys: [...KEY_DATE_KINDS],
    why: 'a key date kind from src/domain/applications.ts (KEY_DATE_KINDS)',
  },
  'accessibility.what.': { keys: 'all', why: 'the statement page lists these points in a loop' },
  'outbox.kind.': { keys: 'all', why: 'an outbox item kind' },
  'outbox.state.': { keys: 'all', why: 'an outbox item state word (components/outbox/outbox-words.ts)' },
  'documents.kind.': { keys: 'all', why: 'a captured file kind (photo, pdf, ...)' },
  'documents.': {
    keys: ['moveUp', 'moveDown', 'rotate', 'remove'],
    why: 'CaptureList labels its buttons by action name',
  },
  'accessLog.role.': { keys: 'all', why: 'a staff role from the access log API' },
  'accessLog.purpose.': { keys: 'all', why: 'a purpose from the access log API (none when absent)' },
  'accessLog.action.': { keys: 'all', why: 'action and object type from the access log API, looked up with te()' },
  'appt.hvReasons.': { keys: 'all', why: 'a home-visit reason (form options and list)' },
  'appt.hvState.': { keys: 'all', why: 'a home-visit state from the API' },
  'appt.days.': { keys: 'all', why: 'weekdays of the home-visit availability grid' },
  'appt.partShort.': { keys: 'all', why: 'parts of the day in the home-visit grid' },
  'appt.part.': { keys: 'all', why: 'parts of the day in the call-back form' },
  'appt.urgency.': { keys: 'all', why: 'urgency reasons of debt help (and none)' },
  'appt.channel.': { keys: 'all', why: 'appointment channel (in person, phone, video)' },
  'staff.roles.': { keys: 'all', why: 'a staff role from the staff session' },
  'staff.request.state.': { keys: 'all', why: 'a document request state in the back office' },
  'staff.casework.result.': { keys: 'all', why: 'a decision result (form options and the recorded decision)' },
  'staff.planning.weekday.': { keys: 'all', why: 'ISO weekdays: capacity form choices and home-visit times at home' },
  'staff.work.kind.': { keys: 'all', why: 'a worklist kind (WORK_KINDS) as its group heading' },
  'staff.work.row.': { keys: 'all', why: 'a worklist kind (WORK_KINDS) as the line of one row' },
  'staff.work.': { keys: ['overdue', 'today'], why: 'the urgency word of a worklist row whose term ends' },
  'staff.planning.agenda.channel.': { keys: 'all', why: 'an appointment channel in the agenda (in person shows none)' },
  'staff.planning.visits.state.': { keys: 'all', why: 'a home-visit state from the planning API' },
  'staff.planning.visits.reasons.': { keys: 'all', why: 'a home-visit reason from the planning API' },
  'staff.planning.visits.part.': { keys: 'all', why: 'parts of the day a resident is at home' },
  'staff.planning.visits.action.': { keys: 'all', why: 'VisitActions offers one radio per action' },
  'staff.planning.visits.submit.': { keys: 'all', why: 'the button text of the chosen action' },
  'staff.planning.visits.finished.': { keys: 'all', why: 'the outcome message of the chosen action' },
  'accessLog.action.assist.': {
    keys: 'all',
    why: "what front-desk staff did on the resident's behalf, from the access log API",
  },
  'balie.purpose.': { keys: 'all', why: 'an assist purpose (and its form errors) at the front desk' },
  'balie.search.': { keys: 'all', why: 'a resident lookup error code at the front desk' },
  'balie.checkIn.state.': { keys: 'all', why: 'a check-in state (src/domain CHECK_IN_STATES) at the front desk' },
  'staff.case.checkIn.': { keys: 'all', why: "a check-in state of the case's appointments (CHECK_IN_STATES)" },
  'notificationEvents.': { keys: 'all', why: 'title and body per notification event type' },
  'notifySettings.': { keys: 'all', why: 'a notice after changing notification settings, by name' },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    if (!/\.(vue|ts)$/.test(entry.name) || /\.test\.ts$/.test(entry.name) || CATALOGUE.test(path)) return [];
    return [path];
  });
}

const catalogues = import.meta.glob<{ default: Tree }>(['./nl.ts', './*/nl.ts'], { eager: true });
const keys = new Set(Object.values(catalogues).flatMap((module) => [...flatten(module.default).keys()]));
const files = sourceFiles(CLIENT).map((path) => ({ path: relative(CLIENT, path), text: readFileSync(path, 'utf8') }));
const code = files.map((file) => file.text).join('\n');

/** Literal keys the code asks for: t('a.b'), $t("a.b"), te('a.b'), keypath="a.b", titleKey: 'a.b'. */
function namedKeys(): Array<{ key: string; path: string }> {
  const patterns = [
    /(?<![\w.$])\$?te?\(\s*(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g,
    /\bkeypath=(["'])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/gi,
    /\btitleKey:\s*(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g,
  ];
  return files.flatMap(({ path, text }) =>
    patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ key: m[2]!, path }))),
  );
}

/** Static heads of template literals that build a key: `errors.${...}` → 'errors.'. */
function builtPrefixes(): Set<string> {
  return new Set([...code.matchAll(/`([A-Za-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)].map((m) => m[1]!));
}

describe('message keys and the code', () => {
  it('every key the code names literally exists in the Dutch catalogues', () => {
    expect(
      namedKeys()
        .filter(({ key }) => !keys.has(key))
        .map(({ key, path }) => `${key} (${path})`),
    ).toEqual([]);
  });

  it('every prefix the code builds keys from is declared, and every declared prefix is still built', () => {
    const built = builtPrefixes();
    expect(
      [...built].filter((prefix) => !(prefix in DYNAMIC)),
      'declare these in DYNAMIC, with why',
    ).toEqual([]);
    expect(
      Object.keys(DYNAMIC).filter((prefix) => !built.has(prefix)),
      'no longer built: remove from DYNAMIC',
    ).toEqual([]);
  });

  it('every key in the catalogues is used (no leftovers for translators to maintain)', () => {
    const dynamic = (key: string) =>
      Object.entries(DYNAMIC).some(
        ([prefix, { keys: allowed }]) =>
          key.startsWith(prefix) && (allowed === 'all' || allowed.includes(key.slice(prefix.length))),
      );
    const literal = (key: string) =>
      code.includes(`'${key}'`) || code.includes(`"${key}"`) || code.includes(`\`${key}\``);
    expect([...keys].filter((key) => !dynamic(key) && !literal(key))).toEqual([]);
  });
});
