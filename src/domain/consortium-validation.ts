/**
 * Validation of a consortium data file: the schema first, then what a schema cannot say
 * (unique codes, references that resolve, dates on the calendar, colour contrast). Every problem
 * is reported with its JSON path, so a broken file names its field at start-up.
 */
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import {
  ConsortiumFile,
  REQUIRED_STATUS_CODES,
  findMunicipality,
  findScheme,
  type Consortium,
  type Municipality,
  type Office,
} from './consortium-schema';
import { checkAppointments } from './appointments-validation';

export interface ConsortiumIssue {
  /** JSON pointer into the file, e.g. /municipalities/2/code */
  path: string;
  message: string;
}

/** A consortium file that cannot be used; the message lists `source: path: problem` lines. */
export class ConsortiumConfigError extends Error {
  override readonly name = 'ConsortiumConfigError';
  constructor(
    readonly code: 'CONSORTIUM_INVALID' | 'CONSORTIUM_UNKNOWN',
    readonly source: string,
    readonly issues: readonly ConsortiumIssue[],
  ) {
    super(issues.map((issue) => [source, issue.path, issue.message].filter(Boolean).join(': ')).join('\n'));
  }
}

const MAX_REPORTED = 50;

/** Checks shape and meaning; returns the data typed, or throws naming every failing path. */
export function validateConsortium(data: unknown, source: string): Consortium {
  if (!Value.Check(ConsortiumFile, data)) {
    throw new ConsortiumConfigError('CONSORTIUM_INVALID', source, schemaIssues(data));
  }
  const issues = semanticIssues(data);
  if (issues.length > 0) throw new ConsortiumConfigError('CONSORTIUM_INVALID', source, issues);
  return data;
}

function schemaIssues(data: unknown): ConsortiumIssue[] {
  const seen = new Set<string>();
  const issues: ConsortiumIssue[] = [];
  for (const error of Value.Errors(ConsortiumFile, data)) {
    // A missing field also fails its type check; 'is required' says it all.
    if (error.value === undefined && error.type !== ValueErrorType.ObjectRequiredProperty) continue;
    const issue = { path: error.path, message: describe(error) };
    const key = `${issue.path} ${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
    if (issues.length >= MAX_REPORTED) break;
  }
  return issues;
}

/** Short, path-oriented wording ("must match ^\d{4}$") instead of TypeBox's sentences. */
function describe(error: ValueError): string {
  const schema = error.schema as Record<string, unknown>;
  switch (error.type) {
    case ValueErrorType.StringPattern:
      return `must match ${String(schema.pattern)}`;
    case ValueErrorType.StringMinLength:
      return 'must not be empty';
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'is not a known field (typo?)';
    case ValueErrorType.IntegerMinimum:
      return `must be at least ${String(schema.minimum)}`;
    case ValueErrorType.IntegerMaximum:
      return `must be at most ${String(schema.maximum)}`;
    case ValueErrorType.ArrayMinItems:
      return `must have at least ${String(schema.minItems)} item(s)`;
    case ValueErrorType.Union: {
      const options = ((schema.anyOf ?? []) as Array<{ const?: unknown }>).map((s) => s.const);
      return options.every((o) => typeof o === 'string')
        ? `must be one of ${options.map((o) => `'${String(o)}'`).join(', ')}`
        : 'has an unexpected shape';
    }
    default:
      return error.message.replace(/^Expected/, 'expected');
  }
}

/** Records one problem at a JSON pointer. */
type Report = (path: string, message: string) => void;

function semanticIssues(c: Consortium): ConsortiumIssue[] {
  const issues: ConsortiumIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  for (const check of [checkTheme, checkPlaces, checkSchemes, checkMunicipalities, checkElsewhere, checkAppointments]) {
    check(c, report);
  }
  return issues;
}

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio (1..21) between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG 2.1 AA for normal text: buttons and headers use this pair for body-size text. */
const MIN_CONTRAST = 4.5;

function checkTheme(c: Consortium, report: Report): void {
  const ratio = contrastRatio(c.theme.primaryColor, c.theme.primaryTextColor);
  if (ratio < MIN_CONTRAST) {
    report(
      '/theme/primaryTextColor',
      `contrast with primaryColor is ${ratio.toFixed(2)}:1, WCAG AA needs ${MIN_CONTRAST}:1`,
    );
  }
}

function checkPlaces(c: Consortium, report: Report): void {
  const ids = new Set<string>();
  const codes = new Set(c.municipalities.map((m) => m.code));
  const places: Array<[string, Office]> = [['/centralOffice', c.centralOffice]];
  c.localDesks.forEach((desk, i) => places.push([`/localDesks/${i}`, desk]));
  for (const [path, place] of places) {
    if (ids.has(place.id)) report(`${path}/id`, `duplicate place id '${place.id}'`);
    ids.add(place.id);
    const code = place.municipalityCode;
    if (code !== undefined && !codes.has(code)) {
      report(`${path}/municipalityCode`, `'${code}' is not a municipality of this consortium`);
    }
    place.openingHours.forEach((h, i) => {
      const at = `${path}/openingHours/${i}`;
      if (h.opens >= h.closes) report(at, `opens (${h.opens}) must be before closes (${h.closes})`);
      const overlap = place.openingHours.findIndex(
        (o, j) => j < i && o.day === h.day && o.opens < h.closes && h.opens < o.closes,
      );
      if (overlap >= 0) report(at, `overlaps openingHours/${overlap} on day ${h.day}`);
    });
  }
}

function checkSchemes(c: Consortium, report: Report): void {
  const codes = new Set<string>();
  c.schemes.forEach((scheme, i) => {
    const path = `/schemes/${i}`;
    if (codes.has(scheme.code)) report(`${path}/code`, `duplicate scheme code '${scheme.code}'`);
    codes.add(scheme.code);
    const statusCodes = scheme.statusTypes.map((s) => s.code);
    statusCodes.forEach((code, j) => {
      if (statusCodes.indexOf(code) !== j) report(`${path}/statusTypes/${j}/code`, `duplicate status type '${code}'`);
    });
    const missing = REQUIRED_STATUS_CODES.filter((code) => !statusCodes.includes(code));
    if (missing.length > 0) report(`${path}/statusTypes`, `missing status type(s) ${missing.join(', ')}`);
    // ZGW: the status type with the highest volgnummer is the eindstatus.
    if (scheme.statusTypes.at(-1)?.final !== true) report(`${path}/statusTypes`, 'the last status type must be final');
  });
}

function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(y, m - 1, d));
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
}

function checkMunicipalities(c: Consortium, report: Report): void {
  const seen = new Set<string>();
  c.municipalities.forEach((m, i) => {
    const at = (field: string) => `/municipalities/${i}${field}`;
    if (seen.has(m.code)) report(at('/code'), `duplicate municipality code '${m.code}'`);
    seen.add(m.code);
    for (const field of ['joinedOn', 'leftOn'] as const) {
      const date = m[field];
      if (date !== undefined && !isCalendarDate(date)) report(at(`/${field}`), `'${date}' is not a calendar date`);
    }
    if (m.leftOn !== undefined && m.leftOn <= m.joinedOn)
      report(at('/leftOn'), `must be after joinedOn (${m.joinedOn})`);
    checkMerger(c, m, at, report);
    const schemeCodes = m.schemes.map((s) => s.scheme);
    schemeCodes.forEach((code, j) => {
      if (findScheme(c, code) === undefined) report(at(`/schemes/${j}/scheme`), `unknown scheme '${code}'`);
      if (schemeCodes.indexOf(code) !== j) report(at(`/schemes/${j}/scheme`), `scheme '${code}' listed twice`);
    });
  });
}

/** A successor must be findable (a member or an elsewhere contact) and mergers must not loop. */
function checkMerger(c: Consortium, m: Municipality, at: (field: string) => string, report: Report): void {
  if (m.mergedInto === undefined) return;
  const successor = m.mergedInto;
  const known = findMunicipality(c, successor) ?? c.elsewhere.contacts.find((e) => e.code === successor);
  if (m.leftOn === undefined) report(at('/leftOn'), 'is required when mergedInto is set (the merger date)');
  if (successor === m.code) report(at('/mergedInto'), 'cannot be the municipality itself');
  else if (known === undefined) {
    report(at('/mergedInto'), `'${successor}' is neither a municipality nor an elsewhere contact of this consortium`);
  } else if (mergesBackInto(c, successor, m.code)) report(at('/mergedInto'), 'forms a merger cycle');
}

function mergesBackInto(c: Consortium, from: string, target: string): boolean {
  let code: string | undefined = from;
  for (let hops = 0; code !== undefined && hops <= c.municipalities.length; hops += 1) {
    if (code === target) return true;
    code = findMunicipality(c, code)?.mergedInto;
  }
  return false;
}

function checkElsewhere(c: Consortium, report: Report): void {
  const codes = c.elsewhere.contacts.map((e) => e.code);
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i) report(`/elsewhere/contacts/${i}/code`, `duplicate contact code '${code}'`);
  });
}
