/**
 * A consortium (joint social service of several municipalities) as validated data.
 * Adding a consortium means adding a JSON file in src/consortia; nothing here names one.
 *
 * Schemes are modelled on the Dutch ZGW standard (Zaakgericht Werken): a scheme is a zaaktype,
 * its `code` the zaaktype identificatie, its status types the statustypen in volgorde
 * (array order = volgnummer, `label` = statustekst, `final` = isEindstatus). An Open Zaak adapter
 * can then map one onto the other field by field.
 *
 * Dates are ISO 'YYYY-MM-DD' strings and are compared as strings: that order is the calendar
 * order, and it keeps this module free of date libraries (the browser may import it).
 */
// The builders are imported one by one (namespace import), not through TypeBox's `Type` object:
// that object is one instance holding every builder, which a bundler cannot drop. With this and
// the @__PURE__ marks below, a browser bundle that only uses municipalityStatus/whereToGo drops
// the schemas and the validator (measured with esbuild: ~2 KB gzipped instead of ~13 KB).
import * as Type from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import type { ElsewhereAdvice, Place } from './api';

const strict = { additionalProperties: false } as const;
const Text = /* @__PURE__ */ Type.Object({ nl: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, strict);
const Name = /* @__PURE__ */ Type.String({ minLength: 1 });
/** CBS municipality code without the 'GM' prefix, as a string: leading zeros matter (0629). */
const CbsCode = /* @__PURE__ */ Type.String({ pattern: '^\\d{4}$' });
/** Shape only; that the date exists on the calendar is a semantic check below. */
const IsoDate = /* @__PURE__ */ Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const KebabCode = /* @__PURE__ */ Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
const StatusCode = /* @__PURE__ */ Type.String({ pattern: '^[a-z]+(_[a-z]+)*$' });
const HexColor = /* @__PURE__ */ Type.String({ pattern: '^#[0-9a-fA-F]{6}$' });
const Time = /* @__PURE__ */ Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
/** Dutch numbers as residents read them: '14 070', '(030) 70 22 300', '1400', '+31 70 ...'. */
const Phone = /* @__PURE__ */ Type.String({ pattern: '^\\+?[0-9(][0-9 ()-]{2,18}[0-9]$' });
const Website = /* @__PURE__ */ Type.String({ pattern: '^https://[a-z0-9.-]+\\.[a-z]{2,}(/\\S*)?$' });
/** Free text for maintainers: where a fact came from, what is a placeholder. Never shown. */
const Note = /* @__PURE__ */ Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())]));

const Address = /* @__PURE__ */ Type.Object(
  { street: Name, postalCode: Type.String({ pattern: '^[1-9]\\d{3} [A-Z]{2}$' }), city: Name },
  strict,
);
const OpeningHours = /* @__PURE__ */ Type.Object(
  { day: Type.Integer({ minimum: 1, maximum: 7 }), opens: Time, closes: Time },
  strict,
);

/** An api.ts `Place` plus what only the data file knows. */
export const Office = /* @__PURE__ */ Type.Object(
  {
    id: KebabCode,
    name: Name,
    address: Address,
    phone: Type.Optional(Phone),
    /** ISO weekday (1 = Monday); several entries per day allowed (lunch break). */
    openingHours: Type.Array(OpeningHours),
    municipalityCode: Type.Optional(CbsCode),
    accessibility: Text,
    /** The location is not final yet (a consortium still forming); say so to residents. */
    provisional: Type.Optional(Type.Boolean()),
    _note: Note,
  },
  strict,
);
export type Office = Static<typeof Office>;

export const SchemeKind = /* @__PURE__ */ Type.Union([
  Type.Literal('bijstand'),
  Type.Literal('bijzondere_bijstand'),
  Type.Literal('individuele_inkomenstoeslag'),
  Type.Literal('schuldhulpverlening'),
  Type.Literal('minima'),
  Type.Literal('re_integratie'),
]);
export type SchemeKind = Static<typeof SchemeKind>;

/**
 * ZGW statustype. The app's next-action rules rely on the codes in REQUIRED_STATUS_CODES.
 * 'decided' is final for the application; objection_* types may follow it (an Open Zaak adapter
 * maps those onto a separate bezwaar zaaktype).
 */
const StatusTypeDefinition = /* @__PURE__ */ Type.Object({ code: StatusCode, label: Text, final: Type.Boolean() }, strict);
export type StatusTypeDefinition = Static<typeof StatusTypeDefinition>;
export const REQUIRED_STATUS_CODES = ['received', 'in_progress', 'information_requested', 'decided'] as const;

/** ZGW zaaktype: a scheme this consortium handles. */
export const Scheme = /* @__PURE__ */ Type.Object(
  {
    code: KebabCode,
    kind: SchemeKind,
    name: Text,
    /** Decision term in weeks after the application (bijstand: 8, the Awb 4:13 maximum). */
    decisionTermWeeks: Type.Integer({ minimum: 1, maximum: 52 }),
    /** Longest single extension the municipality may give by notice (Awb 4:14); 0 = none. */
    maxExtensionWeeks: Type.Integer({ minimum: 0, maximum: 52 }),
    statusTypes: Type.Array(StatusTypeDefinition, { minItems: 1 }),
  },
  strict,
);
export type Scheme = Static<typeof Scheme>;

/** Policy differs per municipality until harmonised, so each lists its own schemes. */
const MunicipalScheme = /* @__PURE__ */ Type.Object({ scheme: KebabCode, localName: Type.Optional(Text) }, strict);
export const Municipality = /* @__PURE__ */ Type.Object(
  {
    code: CbsCode,
    name: Name,
    joinedOn: IsoDate,
    /** First day the consortium no longer serves it (a merger's date: 1 January). */
    leftOn: Type.Optional(IsoDate),
    /** CBS code of the successor when it ceased to exist by merger. */
    mergedInto: Type.Optional(CbsCode),
    schemes: Type.Array(MunicipalScheme),
  },
  strict,
);
export type Municipality = Static<typeof Municipality>;

const Contact = { name: Name, phone: Phone, website: Website };
/** `name` is the municipality; `contactName` the organisation to contact (default 'Gemeente <name>'). */
const ElsewhereContact = /* @__PURE__ */ Type.Object(
  { code: CbsCode, name: Name, contactName: Type.Optional(Name), phone: Phone, website: Website, _note: Note },
  strict,
);
export type ElsewhereContact = Static<typeof ElsewhereContact>;

export const ConsortiumFile = /* @__PURE__ */ Type.Object(
  {
    _note: Note,
    id: KebabCode,
    name: Name,
    shortName: Name,
    phone: Phone,
    website: Website,
    theme: Type.Object({ primaryColor: HexColor, primaryTextColor: HexColor }, strict),
    centralOffice: Office,
    localDesks: Type.Array(Office),
    municipalities: Type.Array(Municipality, { minItems: 1 }),
    schemes: Type.Array(Scheme, { minItems: 1 }),
    elsewhere: Type.Object(
      {
        /** Where residents of named non-participating (or not yet joined) municipalities go. */
        contacts: Type.Array(ElsewhereContact),
        /** For any other municipality; `text` is the general explanation residents read. */
        default: Type.Object({ ...Contact, text: Text }, strict),
      },
      strict,
    ),
  },
  strict,
);
export type Consortium = Static<typeof ConsortiumFile>;

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
  for (const check of [checkTheme, checkPlaces, checkSchemes, checkMunicipalities, checkElsewhere]) check(c, report);
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
    report('/theme/primaryTextColor', `contrast with primaryColor is ${ratio.toFixed(2)}:1, WCAG AA needs ${MIN_CONTRAST}:1`);
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
    if (m.leftOn !== undefined && m.leftOn <= m.joinedOn) report(at('/leftOn'), `must be after joinedOn (${m.joinedOn})`);
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

export function findMunicipality(c: Consortium, code: string): Municipality | undefined {
  return c.municipalities.find((m) => m.code === code);
}

export type MunicipalityStatus = 'participating' | 'not_yet' | 'left' | 'not_participating';

/** Membership of this exact code on a day; joinedOn is the first day in, leftOn the first day out. */
export function municipalityStatus(c: Consortium, code: string, onDate: string): MunicipalityStatus {
  const m = findMunicipality(c, code);
  if (m === undefined) return 'not_participating';
  if (onDate < m.joinedOn) return 'not_yet';
  if (m.leftOn !== undefined && onDate >= m.leftOn) return 'left';
  return 'participating';
}

/**
 * The code that stands for this municipality on a day: a code that ceased by merger stands for
 * its successor from the merger date on (old case records and address data keep old codes).
 */
export function resolveMunicipality(c: Consortium, code: string, onDate: string): string {
  let current = code;
  for (let hops = 0; hops <= c.municipalities.length; hops += 1) {
    const m = findMunicipality(c, current);
    if (m?.mergedInto === undefined || m.leftOn === undefined || onDate < m.leftOn) return current;
    current = m.mergedInto;
  }
  return current;
}

/**
 * Where a resident should go instead, or null when this consortium serves them on that day.
 * `municipalityName` (e.g. from the population register) names codes the data does not know.
 */
export function whereToGo(c: Consortium, code: string, onDate: string, municipalityName?: string): ElsewhereAdvice | null {
  const current = resolveMunicipality(c, code, onDate);
  const status = municipalityStatus(c, current, onDate);
  if (status === 'participating') return null;
  const member = findMunicipality(c, current);
  const known = c.elsewhere.contacts.find((e) => e.code === current);
  const contact = known
    ? { name: known.contactName ?? `Gemeente ${known.name}`, phone: known.phone, website: known.website }
    : { name: c.elsewhere.default.name, phone: c.elsewhere.default.phone, website: c.elsewhere.default.website };
  return {
    municipalityName: member?.name ?? known?.name ?? municipalityName ?? `GM${current}`,
    reason: status === 'not_yet' ? 'not_yet' : 'not_participating',
    joinsOn: status === 'not_yet' && member !== undefined ? member.joinedOn : null,
    contact,
  };
}

export function findScheme(c: Consortium, code: string): Scheme | undefined {
  return c.schemes.find((s) => s.code === code);
}

/** The schemes of one municipality, each named as that municipality calls it. */
export function schemesFor(c: Consortium, municipalityCode: string): Scheme[] {
  const m = findMunicipality(c, municipalityCode);
  if (m === undefined) return [];
  return m.schemes.flatMap(({ scheme, localName }) => {
    const found = findScheme(c, scheme);
    return found === undefined ? [] : [{ ...found, name: localName ?? found.name }];
  });
}

/** The api.ts `Place` of an office, without the data-file-only fields. */
export function toPlace(office: Office): Place {
  const { id, name, address, phone, openingHours, municipalityCode } = office;
  return {
    id,
    name,
    address: { ...address },
    ...(phone === undefined ? {} : { phone }),
    openingHours: openingHours.map((h) => ({ ...h })),
    ...(municipalityCode === undefined ? {} : { municipalityCode }),
  };
}
