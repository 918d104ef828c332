/**
 * The consortium data file as a TypeBox schema, and the types it yields.
 * Schemes are modelled on the Dutch ZGW standard (Zaakgericht Werken): a scheme is a zaaktype,
 * its `code` the zaaktype identificatie, its status types the statustypen in volgorde
 * (array order = volgnummer, `label` = statustekst, `final` = isEindstatus).
 */
// The builders are imported one by one (namespace import), not through TypeBox's `Type` object:
// that object is one instance holding every builder, which a bundler cannot drop. With this and
// the @__PURE__ marks below, a browser bundle that only uses municipalityStatus/whereToGo drops
// the schemas and the validator (measured with esbuild: ~2 KB gzipped instead of ~13 KB).
import * as Type from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { APPOINTMENT_CHANNELS } from './appointments';
import { literals } from './literals';

const strict = { additionalProperties: false } as const;
const Text = /* @__PURE__ */ Type.Object(
  { nl: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  strict,
);
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

/**
 * Capacity of a place for appointments: a group of desks (rooms, counters, case workers) that
 * serves some appointment types, with the number of residents it can see at once per time range.
 * Bookings claim one unit of one group (see migration 004: the database refuses overlaps).
 */
const DeskHours = /* @__PURE__ */ Type.Object(
  {
    /** ISO weekdays (1 = Monday) this range applies to */
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1 }),
    from: Time,
    until: Time,
    /** Parallel desks in this range */
    units: Type.Integer({ minimum: 1, maximum: 50 }),
  },
  strict,
);
export const DeskGroup = /* @__PURE__ */ Type.Object(
  {
    /** Stable id: bookings refer to it; renaming it orphans existing bookings */
    id: KebabCode,
    /** Appointment type codes this group serves */
    types: Type.Array(KebabCode, { minItems: 1 }),
    hours: Type.Array(DeskHours, { minItems: 1 }),
    /** Reserved for urgent debt help (Wgs art. 4): only urgent first conversations book it */
    urgentOnly: Type.Optional(Type.Boolean()),
    _note: Note,
  },
  strict,
);
export type DeskGroup = Static<typeof DeskGroup>;

/** An exceptional closure; without from/until the whole day. Public holidays need no entry. */
const Closure = /* @__PURE__ */ Type.Object(
  { date: IsoDate, from: Type.Optional(Time), until: Type.Optional(Time), reason: Text, _note: Note },
  strict,
);
type Closure = Static<typeof Closure>;

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
    /** Appointment capacity; a place without desks takes no appointments */
    desks: Type.Optional(Type.Array(DeskGroup)),
    closures: Type.Optional(Type.Array(Closure)),
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
const StatusTypeDefinition = /* @__PURE__ */ Type.Object(
  { code: StatusCode, label: Text, final: Type.Boolean() },
  strict,
);
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

const AppointmentChannel = /* @__PURE__ */ literals(APPOINTMENT_CHANNELS);
type AppointmentChannel = Static<typeof AppointmentChannel>;

/** A kind of appointment residents can book (intake, consultation, ...). */
export const AppointmentType = /* @__PURE__ */ Type.Object(
  {
    code: KebabCode,
    name: Text,
    description: Type.Optional(Text),
    durationMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
    /** Office ids (central office or local desks) that offer it; each needs a desk group serving it */
    locations: Type.Array(KebabCode, { minItems: 1 }),
    /** Absent: any resident of a participating municipality. Else an open case of one of these kinds. */
    requiresOpenCase: Type.Optional(Type.Array(SchemeKind, { minItems: 1 })),
    /** How it can take place; 'in_person' at the place, or by phone/video held by that place's desks */
    channels: Type.Array(AppointmentChannel, { minItems: 1 }),
    /**
     * The Wgs first conversation (art. 4): offered within 4 weeks, or within 3 working days from
     * reserved urgent capacity (desks with urgentOnly) when eviction, cut-off of energy or water,
     * or cancellation of health insurance threatens.
     */
    urgentCapable: Type.Optional(Type.Boolean()),
    whatToBring: Type.Array(Text),
    _note: Note,
  },
  strict,
);
export type AppointmentType = Static<typeof AppointmentType>;

export const AppointmentSettings = /* @__PURE__ */ Type.Object(
  {
    /** No slot starts sooner than this after the moment of booking (staff prepare the file) */
    minLeadMinutes: Type.Integer({ minimum: 0, maximum: 10_080 }),
    /** Slots are offered this many days ahead at most */
    horizonDays: Type.Integer({ minimum: 1, maximum: 366 }),
    /** Residents reschedule or cancel until this many hours before the start */
    changeCutOffHours: Type.Integer({ minimum: 0, maximum: 336 }),
    types: Type.Array(AppointmentType, { minItems: 1 }),
  },
  strict,
);
export type AppointmentSettings = Static<typeof AppointmentSettings>;

const Contact = { name: Name, phone: Phone, website: Website };
/** `name` is the municipality; `contactName` the organisation to contact (default 'Gemeente <name>'). */
const ElsewhereContact = /* @__PURE__ */ Type.Object(
  { code: CbsCode, name: Name, contactName: Type.Optional(Name), phone: Phone, website: Website, _note: Note },
  strict,
);
type ElsewhereContact = Static<typeof ElsewhereContact>;

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
    appointments: AppointmentSettings,
    /** Privacy policy choices of the consortium (issue 6); absent means the defaults */
    privacy: Type.Optional(
      Type.Object(
        {
          /** "Wie keek in mijn gegevens" names the staff member, not only the role (default false) */
          accessLogShowsStaffNames: Type.Boolean(),
        },
        strict,
      ),
    ),
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

/** Lookups on the data, shared by the validation and the rules. */
export function findMunicipality(c: Consortium, code: string): Municipality | undefined {
  return c.municipalities.find((m) => m.code === code);
}

export function findScheme(c: Consortium, code: string): Scheme | undefined {
  return c.schemes.find((s) => s.code === code);
}

/** Every office (central office first) with its JSON pointer, for lookups and validation. */
export function officesOf(c: Consortium): Array<[path: string, office: Office]> {
  return [
    ['/centralOffice', c.centralOffice],
    ...c.localDesks.map((d, i): [string, Office] => [`/localDesks/${i}`, d]),
  ];
}

export function findOffice(c: Consortium, id: string): Office | undefined {
  return c.centralOffice.id === id ? c.centralOffice : c.localDesks.find((d) => d.id === id);
}

export function findAppointmentType(c: Consortium, code: string): AppointmentType | undefined {
  return c.appointments.types.find((t) => t.code === code);
}
