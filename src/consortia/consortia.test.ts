import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ConsortiumConfigError,
  municipalityStatus,
  schemesFor,
  validateConsortium,
  whereToGo,
  type Consortium,
} from '../domain/consortium';
import { consortiumIds, defaultConsortiumId, loadConsortium } from './index';
import leidschendamVoorburg from './leidschendam-voorburg.json' with { type: 'json' };
import lekstroom from './lekstroom.json' with { type: 'json' };
import regioAlkmaar from './regio-alkmaar.json' with { type: 'json' };

const DEN_HAAG = '0518';
const TODAY = '2026-11-22';

/** A deep, typed copy of a real file to break on purpose. */
const copyOf = (data: unknown) => structuredClone(data) as Consortium;

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConsortiumConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConsortiumConfigError');
}

describe('the registry', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('knows the three consortia, Leidschendam-Voorburg first', () => {
    expect(consortiumIds).toEqual(['leidschendam-voorburg', 'lekstroom', 'regio-alkmaar']);
    expect(defaultConsortiumId).toBe('leidschendam-voorburg');
  });

  it.each(consortiumIds)('%s validates and its id is its file name', (id) => {
    expect(loadConsortium(id).id).toBe(id);
  });

  it('reads LOKET_CONSORTIUM, and treats an empty one as unset', () => {
    vi.stubEnv('LOKET_CONSORTIUM', 'lekstroom');
    expect(loadConsortium().shortName).toBe('WIL');
    vi.stubEnv('LOKET_CONSORTIUM', '');
    expect(loadConsortium().id).toBe('leidschendam-voorburg');
  });

  it('names the unknown id and the known ones', () => {
    const message = messageOf(() => loadConsortium('utrecht'));
    expect(message).toBe(
      "LOKET_CONSORTIUM: unknown consortium 'utrecht'; known: leidschendam-voorburg, lekstroom, regio-alkmaar",
    );
  });

  it('hands out frozen data, so one request cannot change it for the next', () => {
    const c = loadConsortium('lekstroom');
    expect(Object.isFrozen(c.municipalities[0])).toBe(true);
    expect(loadConsortium('lekstroom')).toBe(c);
  });
});

describe('broken copies of real files name the file and the path', () => {
  it.each<[string, unknown, (c: Consortium) => void, string]>([
    [
      'bad CBS code',
      lekstroom,
      (c) => (c.municipalities[2]!.code = '331'),
      'lekstroom.json: /municipalities/2/code: must match ^\\d{4}$',
    ],
    [
      'unknown scheme reference',
      leidschendamVoorburg,
      (c) => (c.municipalities[0]!.schemes[0]!.scheme = 'wwb'),
      "leidschendam-voorburg.json: /municipalities/0/schemes/0/scheme: unknown scheme 'wwb'",
    ],
    [
      'bad colour',
      regioAlkmaar,
      (c) => (c.theme.primaryColor = '#8a153'),
      'regio-alkmaar.json: /theme/primaryColor: must match',
    ],
    [
      'unreadable colour pair',
      regioAlkmaar,
      (c) => (c.theme.primaryTextColor = '#777777'),
      'regio-alkmaar.json: /theme/primaryTextColor: contrast',
    ],
    [
      'opens after closes',
      lekstroom,
      (c) => (c.localDesks[0]!.openingHours[0]!.opens = '12:30'),
      'lekstroom.json: /localDesks/0/openingHours/0: opens (12:30) must be before closes (12:00)',
    ],
    [
      'duplicate municipality code',
      lekstroom,
      (c) => (c.municipalities[4]!.code = '0321'),
      "lekstroom.json: /municipalities/4/code: duplicate municipality code '0321'",
    ],
  ])('%s', (_, file, breakIt, expected) => {
    const data = copyOf(file);
    const source = `${data.id}.json`;
    breakIt(data);
    expect(messageOf(() => validateConsortium(data, source))).toContain(expected);
  });
});

describe('Leidschendam-Voorburg, Wassenaar and Voorschoten', () => {
  const c = loadConsortium('leidschendam-voorburg');

  it('serves the three municipalities from 1 January 2012', () => {
    for (const code of ['1916', '0629', '0626']) {
      expect(municipalityStatus(c, code, '2011-12-31')).toBe('not_yet');
      expect(municipalityStatus(c, code, '2012-01-01')).toBe('participating');
    }
    expect(c.localDesks).toEqual([]);
    expect(c.centralOffice.address.city).toBe('Voorburg');
  });

  it('sends a Den Haag resident to Den Haag', () => {
    expect(municipalityStatus(c, DEN_HAAG, TODAY)).toBe('not_participating');
    expect(whereToGo(c, DEN_HAAG, TODAY)).toEqual({
      municipalityName: 'Den Haag',
      reason: 'not_participating',
      joinsOn: null,
      contact: { name: 'Gemeente Den Haag', phone: '14 070', website: 'https://www.denhaag.nl' },
    });
  });

  it("has the children's package only in Leidschendam-Voorburg", () => {
    const withKindpakket = c.municipalities.filter((m) => schemesFor(c, m.code).some((s) => s.code === 'kindpakket'));
    expect(withKindpakket.map((m) => m.name)).toEqual(['Leidschendam-Voorburg']);
  });

  it('decides on bijstand within 8 weeks', () => {
    expect(c.schemes.find((s) => s.kind === 'bijstand')?.decisionTermWeeks).toBe(8);
  });
});

describe('Werk en Inkomen Lekstroom', () => {
  const c = loadConsortium('lekstroom');

  it('served Vianen until its merger into Vijfheerenlanden, which is not a member', () => {
    expect(municipalityStatus(c, '0620', '2018-06-01')).toBe('participating');
    expect(whereToGo(c, '0620', '2018-06-01')).toBeNull();
    expect(municipalityStatus(c, '0620', '2020-06-01')).toBe('left');
    expect(whereToGo(c, '0620', '2020-06-01')).toMatchObject({
      municipalityName: 'Vijfheerenlanden',
      reason: 'not_participating',
      joinsOn: null,
      contact: { name: 'Gemeente Vijfheerenlanden', website: 'https://www.vijfheerenlanden.nl' },
    });
  });

  it('keeps a desk at the town halls of Houten, IJsselstein and Lopik, with fewer hours', () => {
    expect(c.localDesks.map((d) => d.municipalityCode)).toEqual(['0321', '0353', '0331']);
    for (const desk of c.localDesks) expect(desk.openingHours.length).toBeLessThan(c.centralOffice.openingHours.length);
  });

  it('names the income supplement differently in Lopik', () => {
    const iit = (code: string) => schemesFor(c, code).find((s) => s.kind === 'individuele_inkomenstoeslag')?.name.nl;
    expect(iit('0356')).toBe('Individuele inkomenstoeslag');
    expect(iit('0331')).not.toBe(iit('0356'));
  });
});

describe('Regio Alkmaar (still forming)', () => {
  const c = loadConsortium('regio-alkmaar');

  it('marks its central office as provisional', () => {
    expect(c.centralOffice.provisional).toBe(true);
  });

  it('tells Bergen residents it joins later, and serves them from that day', () => {
    expect(municipalityStatus(c, '0373', TODAY)).toBe('not_yet');
    expect(whereToGo(c, '0373', TODAY)).toMatchObject({
      municipalityName: 'Bergen (NH)',
      reason: 'not_yet',
      joinsOn: '2028-01-01',
    });
    expect(municipalityStatus(c, '0373', '2028-01-01')).toBe('participating');
    expect(whereToGo(c, '0373', '2028-01-01')).toBeNull();
  });

  it('follows the mergers: Schermer into Alkmaar (2015), Heerhugowaard into Dijk en Waard (2022)', () => {
    expect(municipalityStatus(c, '0458', '2014-06-01')).toBe('participating');
    expect(municipalityStatus(c, '0458', '2015-01-01')).toBe('left');
    expect(whereToGo(c, '0458', '2015-01-01')).toBeNull();
    expect(municipalityStatus(c, '0398', '2022-01-01')).toBe('left');
    expect(municipalityStatus(c, '1980', '2022-01-01')).toBe('participating');
    expect(whereToGo(c, '0398', TODAY)).toBeNull();
  });

  it('sends a Den Haag resident to Den Haag as well', () => {
    expect(whereToGo(c, DEN_HAAG, TODAY)?.contact.phone).toBe('14 070');
  });
});

describe('opening hours of every place', () => {
  // Local desks open a few hours a week; residents choose a place by them (booking, issue 14).
  it.each(consortiumIds)('%s: every office that takes appointments says when it is open', (id) => {
    const consortium = loadConsortium(id);
    for (const office of [consortium.centralOffice, ...consortium.localDesks].filter((o) => o.desks?.length)) {
      expect(office.openingHours.length, office.id).toBeGreaterThan(0);
    }
  });
});
