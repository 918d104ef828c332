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
import type { ElsewhereAdvice, Place } from './api';
import { findMunicipality, findScheme, type Consortium, type Office, type Scheme } from './consortium-schema';

export * from './consortium-schema';
export { ConsortiumConfigError, contrastRatio, validateConsortium } from './consortium-validation';

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
export function whereToGo(
  c: Consortium,
  code: string,
  onDate: string,
  municipalityName?: string,
): ElsewhereAdvice | null {
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
