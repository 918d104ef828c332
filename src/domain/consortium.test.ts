import { describe, expect, it } from 'vitest';
import {
  ConsortiumConfigError,
  contrastRatio,
  findScheme,
  municipalityStatus,
  resolveMunicipality,
  schemesFor,
  toPlace,
  validateConsortium,
  whereToGo,
  type Consortium,
} from './consortium';

const status = (code: string, final = false) => ({ code, label: { nl: code, en: code }, final });

/** A small consortium that exercises every rule; each test breaks one thing in a copy. */
function fixture(): Consortium {
  return {
    id: 'test-consortium',
    name: 'Werk en Inkomen Test',
    shortName: 'Test',
    phone: '14 070',
    website: 'https://www.example.nl',
    theme: { primaryColor: '#005a9c', primaryTextColor: '#ffffff' },
    centralOffice: {
      id: 'central',
      name: 'Centraal kantoor',
      address: { street: 'Stadsplein 1', postalCode: '3431 LZ', city: 'Nieuwegein' },
      openingHours: [
        { day: 1, opens: '09:00', closes: '12:00' },
        { day: 1, opens: '13:00', closes: '17:00' },
      ],
      accessibility: { nl: 'Op afspraak.', en: 'By appointment.' },
      desks: [
        {
          id: 'rooms',
          types: ['intake', 'debt-first'],
          hours: [{ days: [1], from: '09:00', until: '12:00', units: 2 }],
        },
        {
          id: 'urgent',
          types: ['debt-first'],
          urgentOnly: true,
          hours: [{ days: [1], from: '13:00', until: '15:00', units: 1 }],
        },
      ],
      closures: [
        { date: '2026-12-24', from: '13:00', until: '17:00', reason: { nl: 'Kerstavond', en: 'Christmas Eve' } },
      ],
    },
    localDesks: [
      {
        id: 'desk-a',
        name: 'Balie A',
        address: { street: 'Markt 1', postalCode: '1234 AB', city: 'A-stad' },
        openingHours: [{ day: 3, opens: '09:00', closes: '12:00' }],
        municipalityCode: '0001',
        accessibility: { nl: 'Balie.', en: 'Desk.' },
        desks: [{ id: 'counter', types: ['intake'], hours: [{ days: [3], from: '09:00', until: '12:00', units: 1 }] }],
      },
    ],
    municipalities: [
      {
        code: '0001',
        name: 'A-stad',
        joinedOn: '2013-01-01',
        schemes: [{ scheme: 'bijstand' }, { scheme: 'kindpakket' }],
      },
      {
        code: '0002',
        name: 'B-dorp',
        joinedOn: '2013-01-01',
        leftOn: '2019-01-01',
        mergedInto: '0003',
        schemes: [{ scheme: 'bijstand' }],
      },
      {
        code: '0003',
        name: 'C-land',
        joinedOn: '2027-01-01',
        schemes: [{ scheme: 'bijstand', localName: { nl: 'Uitkering', en: 'Benefit' } }],
      },
    ],
    schemes: ['bijstand', 'kindpakket'].map((code) => ({
      code,
      kind: code === 'bijstand' ? ('bijstand' as const) : ('minima' as const),
      name: { nl: code, en: code },
      decisionTermWeeks: 8,
      maxExtensionWeeks: 8,
      statusTypes: [
        status('received'),
        status('in_progress'),
        status('information_requested'),
        status('decided', true),
      ],
    })),
    appointments: {
      minLeadMinutes: 120,
      horizonDays: 42,
      changeCutOffHours: 24,
      types: [
        {
          code: 'intake',
          name: { nl: 'Intake', en: 'Intake' },
          durationMinutes: 45,
          locations: ['central', 'desk-a'],
          channels: ['in_person'],
          whatToBring: [],
        },
        {
          code: 'debt-first',
          name: { nl: 'Schuldhulp', en: 'Debt help' },
          durationMinutes: 60,
          locations: ['central'],
          channels: ['in_person', 'phone'],
          urgentCapable: true,
          whatToBring: [{ nl: 'Brieven', en: 'Letters' }],
        },
      ],
    },
    elsewhere: {
      contacts: [
        { code: '0518', name: 'Den Haag', phone: '14 070', website: 'https://www.denhaag.nl' },
        {
          code: '0003',
          name: 'C-land',
          contactName: 'Sociale dienst C-land',
          phone: '0345 012 34 56',
          website: 'https://c.example.nl',
        },
      ],
      default: {
        name: 'Informatie Rijksoverheid',
        phone: '1400',
        website: 'https://www.rijksoverheid.nl',
        text: { nl: 'x', en: 'x' },
      },
    },
  };
}

/** The validation message, or a failure when the data unexpectedly passes. */
function errorOf(data: unknown): string {
  try {
    validateConsortium(data, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConsortiumConfigError);
    return (error as ConsortiumConfigError).message;
  }
  throw new Error('expected validation to fail');
}

describe('validateConsortium', () => {
  it('accepts a valid consortium and returns it typed', () => {
    const data = fixture();
    expect(validateConsortium(data, 'test.json')).toBe(data);
  });

  it.each<[string, (c: Consortium) => void, string]>([
    [
      'CBS code of three digits',
      (c) => (c.municipalities[1]!.code = '002'),
      'test.json: /municipalities/1/code: must match ^\\d{4}$',
    ],
    [
      'postal code without letters',
      (c) => (c.centralOffice.address.postalCode = '3431'),
      '/centralOffice/address/postalCode: must match',
    ],
    ['bad hex colour', (c) => (c.theme.primaryColor = 'blue'), '/theme/primaryColor: must match ^#[0-9a-fA-F]{6}$'],
    [
      'time 24:00',
      (c) => (c.localDesks[0]!.openingHours[0]!.closes = '24:00'),
      '/localDesks/0/openingHours/0/closes: must match',
    ],
    [
      'unknown kind',
      (c) => ((c.schemes[0] as { kind: string }).kind = 'wmo'),
      "/schemes/0/kind: must be one of 'bijstand'",
    ],
    ['missing name', (c) => delete (c as Partial<Consortium>).name, 'test.json: /name: is required'],
    [
      'typo in a field name',
      (c) => Object.assign(c.municipalities[0]!, { joinedon: '2013-01-01' }),
      '/municipalities/0/joinedon: is not a known field',
    ],
    [
      'day 8',
      (c) => (c.centralOffice.openingHours[0]!.day = 8),
      '/centralOffice/openingHours/0/day: must be at most 7',
    ],
    [
      'desk without units',
      (c) => (c.centralOffice.desks![0]!.hours[0]!.units = 0),
      '/centralOffice/desks/0/hours/0/units: must be at least 1',
    ],
    [
      'unknown channel',
      (c) => ((c.appointments.types[0]!.channels as string[])[0] = 'fax'),
      "/appointments/types/0/channels/0: must be one of 'in_person'",
    ],
    [
      'appointment of 3 minutes',
      (c) => (c.appointments.types[0]!.durationMinutes = 3),
      '/appointments/types/0/durationMinutes: must be at least 5',
    ],
    [
      'closure time 9:00',
      (c) => (c.centralOffice.closures![0]!.from = '9:00'),
      '/centralOffice/closures/0/from: must match',
    ],
  ])('schema: refuses %s, naming the path', (_, breakIt, expected) => {
    const data = fixture();
    breakIt(data);
    expect(errorOf(data)).toContain(expected);
  });

  it.each<[string, (c: Consortium) => void, string]>([
    [
      'insufficient contrast',
      (c) => (c.theme.primaryTextColor = '#6699cc'),
      '/theme/primaryTextColor: contrast with primaryColor is',
    ],
    [
      'duplicate municipality code',
      (c) => (c.municipalities[2]!.code = '0001'),
      "/municipalities/2/code: duplicate municipality code '0001'",
    ],
    ['duplicate place id', (c) => (c.localDesks[0]!.id = 'central'), "/localDesks/0/id: duplicate place id 'central'"],
    [
      'desk of an unknown municipality',
      (c) => (c.localDesks[0]!.municipalityCode = '0999'),
      '/localDesks/0/municipalityCode:',
    ],
    [
      'opens after closes',
      (c) => (c.localDesks[0]!.openingHours[0]!.opens = '13:00'),
      '/localDesks/0/openingHours/0: opens (13:00) must be before closes (12:00)',
    ],
    [
      'overlapping hours',
      (c) => (c.centralOffice.openingHours[1]!.opens = '11:00'),
      '/centralOffice/openingHours/1: overlaps openingHours/0 on day 1',
    ],
    [
      'unknown scheme reference',
      (c) => (c.municipalities[0]!.schemes[1]!.scheme = 'kinderpakket'),
      "/municipalities/0/schemes/1/scheme: unknown scheme 'kinderpakket'",
    ],
    [
      'scheme listed twice',
      (c) => (c.municipalities[0]!.schemes[1]!.scheme = 'bijstand'),
      "/municipalities/0/schemes/1/scheme: scheme 'bijstand' listed twice",
    ],
    [
      'duplicate scheme code',
      (c) => (c.schemes[1]!.code = 'bijstand'),
      "/schemes/1/code: duplicate scheme code 'bijstand'",
    ],
    [
      'missing core status type',
      (c) => c.schemes[0]!.statusTypes.splice(2, 1),
      '/schemes/0/statusTypes: missing status type(s) information_requested',
    ],
    [
      'last status not final',
      (c) => c.schemes[0]!.statusTypes.push(status('archived')),
      '/schemes/0/statusTypes: the last status type must be final',
    ],
    [
      'leftOn before joinedOn',
      (c) => (c.municipalities[1]!.leftOn = '2012-12-31'),
      '/municipalities/1/leftOn: must be after joinedOn (2013-01-01)',
    ],
    [
      'a date not on the calendar',
      (c) => (c.municipalities[0]!.joinedOn = '2013-02-30'),
      "/municipalities/0/joinedOn: '2013-02-30' is not a calendar date",
    ],
    [
      'mergedInto without leftOn',
      (c) => delete c.municipalities[1]!.leftOn,
      '/municipalities/1/leftOn: is required when mergedInto is set',
    ],
    [
      'mergedInto nowhere',
      (c) => (c.municipalities[1]!.mergedInto = '0999'),
      "/municipalities/1/mergedInto: '0999' is neither",
    ],
    [
      'merged into itself',
      (c) => (c.municipalities[1]!.mergedInto = '0002'),
      '/municipalities/1/mergedInto: cannot be the municipality itself',
    ],
    [
      'a merger cycle',
      (c) => Object.assign(c.municipalities[2]!, { leftOn: '2030-01-01', mergedInto: '0002' }),
      '/municipalities/1/mergedInto: forms a merger cycle',
    ],
    [
      'duplicate elsewhere contact',
      (c) => (c.elsewhere.contacts[1]!.code = '0518'),
      "/elsewhere/contacts/1/code: duplicate contact code '0518'",
    ],
    [
      'appointments at an unknown place',
      (c) => (c.appointments.types[0]!.locations[1] = 'nowhere'),
      "/appointments/types/0/locations/1: unknown place 'nowhere'",
    ],
    [
      'a type offered where no desk serves it',
      (c) => delete c.localDesks[0]!.desks,
      "/appointments/types/0/locations/1: no desk at 'desk-a' serves 'intake'",
    ],
    [
      'duplicate appointment type',
      (c) => (c.appointments.types[1]!.code = 'intake'),
      "/appointments/types/1/code: duplicate appointment type 'intake'",
    ],
    [
      'urgent type without reserved capacity',
      (c) => c.centralOffice.desks!.splice(1, 1),
      '/appointments/types/1/urgentCapable: needs reserved urgent capacity',
    ],
    [
      'a desk for an unknown type',
      (c) => (c.centralOffice.desks![0]!.types[0] = 'intkae'),
      "/centralOffice/desks/0/types/0: unknown appointment type 'intkae'",
    ],
    [
      'a desk for a type not offered there',
      (c) => c.localDesks[0]!.desks![0]!.types.push('debt-first'),
      "/localDesks/0/desks/0/types/1: 'debt-first' is not offered at 'desk-a'",
    ],
    [
      'an urgent desk for a normal type',
      (c) => c.centralOffice.desks![1]!.types.push('intake'),
      "/centralOffice/desks/1/types/1: an urgentOnly desk can only serve urgentCapable types, not 'intake'",
    ],
    [
      'desk hours outside opening hours',
      (c) => (c.centralOffice.desks![0]!.hours[0]!.until = '12:30'),
      '/centralOffice/desks/0/hours/0: 09:00-12:30 on day 1 is outside the opening hours',
    ],
    [
      'desk hours the wrong way round',
      (c) => (c.centralOffice.desks![0]!.hours[0]!.from = '12:00'),
      '/centralOffice/desks/0/hours/0: from (12:00) must be before until (12:00)',
    ],
    [
      'overlapping desk hours',
      (c) => c.centralOffice.desks![0]!.hours.push({ days: [1], from: '11:00', until: '12:00', units: 1 }),
      '/centralOffice/desks/0/hours/1: overlaps hours/0 on day 1',
    ],
    [
      'duplicate desk id',
      (c) => (c.centralOffice.desks![1]!.id = 'rooms'),
      "/centralOffice/desks/1/id: duplicate desk id 'rooms'",
    ],
    [
      'a closure on no calendar day',
      (c) => (c.centralOffice.closures![0]!.date = '2026-02-30'),
      "/centralOffice/closures/0/date: '2026-02-30' is not a calendar date",
    ],
    [
      'a closure with only a start',
      (c) => delete c.centralOffice.closures![0]!.until,
      '/centralOffice/closures/0: a partial closure needs both from and until',
    ],
  ])('semantics: refuses %s, naming the path', (_, breakIt, expected) => {
    const data = fixture();
    breakIt(data);
    expect(errorOf(data)).toContain(`test.json: ${expected}`);
  });

  it('reports every failing field, one line each', () => {
    const data = fixture();
    data.municipalities[0]!.code = '1';
    data.theme.primaryColor = '#zzzzzz';
    const lines = errorOf(data).split('\n');
    expect(lines).toEqual([
      'test.json: /theme/primaryColor: must match ^#[0-9a-fA-F]{6}$',
      'test.json: /municipalities/0/code: must match ^\\d{4}$',
    ]);
  });

  it('refuses something that is not an object at all', () => {
    expect(errorOf(null)).toMatch(/^test\.json: /);
  });
});

describe('contrastRatio', () => {
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54],
  ])('%s on %s is %d:1', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 2);
  });
});

describe('membership over time', () => {
  const c = fixture();

  it.each([
    ['0001', '2012-12-31', 'not_yet'],
    ['0001', '2013-01-01', 'participating'],
    ['0002', '2018-12-31', 'participating'],
    ['0002', '2019-01-01', 'left'],
    ['0003', '2026-11-22', 'not_yet'],
    ['0003', '2027-01-01', 'participating'],
    ['0518', '2026-11-22', 'not_participating'],
  ] as const)('%s on %s is %s', (code, onDate, expected) => {
    expect(municipalityStatus(c, code, onDate)).toBe(expected);
  });

  it('follows a merger from its date on', () => {
    expect(resolveMunicipality(c, '0002', '2018-12-31')).toBe('0002');
    expect(resolveMunicipality(c, '0002', '2019-01-01')).toBe('0003');
    expect(resolveMunicipality(c, '0999', '2019-01-01')).toBe('0999');
  });

  it('sends a resident of a successor that has not joined yet to its own contact, with the date', () => {
    expect(whereToGo(c, '0002', '2020-06-01')).toEqual({
      municipalityName: 'C-land',
      reason: 'not_yet',
      joinsOn: '2027-01-01',
      contact: { name: 'Sociale dienst C-land', phone: '0345 012 34 56', website: 'https://c.example.nl' },
    });
  });

  it('is null for a participating municipality', () => {
    expect(whereToGo(c, '0001', '2026-11-22')).toBeNull();
    expect(whereToGo(c, '0002', '2027-01-01')).toBeNull();
  });

  it('names a known contact as "Gemeente <name>" unless the data names the organisation', () => {
    expect(whereToGo(c, '0518', '2026-11-22')?.contact.name).toBe('Gemeente Den Haag');
  });

  it("falls back to the default contact and the caller's name for unknown municipalities", () => {
    expect(whereToGo(c, '0363', '2026-11-22', 'Amsterdam')).toEqual({
      municipalityName: 'Amsterdam',
      reason: 'not_participating',
      joinsOn: null,
      contact: { name: 'Informatie Rijksoverheid', phone: '1400', website: 'https://www.rijksoverheid.nl' },
    });
    expect(whereToGo(c, '0363', '2026-11-22')?.municipalityName).toBe('GM0363');
  });
});

describe('schemes', () => {
  const c = fixture();

  it("lists a municipality's own schemes under its local names", () => {
    expect(schemesFor(c, '0001').map((s) => s.code)).toEqual(['bijstand', 'kindpakket']);
    expect(schemesFor(c, '0003').map((s) => s.name.nl)).toEqual(['Uitkering']);
    expect(schemesFor(c, '0999')).toEqual([]);
  });

  it('finds a scheme by code with its general name', () => {
    expect(findScheme(c, 'bijstand')?.name.nl).toBe('bijstand');
    expect(findScheme(c, 'wmo')).toBeUndefined();
  });
});

describe('toPlace', () => {
  it('keeps exactly the api.ts Place fields', () => {
    const place = toPlace(fixture().localDesks[0]!);
    expect(Object.keys(place).sort()).toEqual(['address', 'id', 'municipalityCode', 'name', 'openingHours']);
  });
});
