/**
 * The API contract of the planner's back office (/api/staff/planning, issue 5 point 7 and
 * issue 6 point 4): the day's agenda of a place, its closures and capacity changes, and the
 * home-visit queue with planning. TypeBox schemas; the client imports only the types.
 *
 * Need-to-know: an agenda entry carries what the desk needs to receive the resident (name,
 * time, type, reference, needs) and the phone number only for a phone appointment; never a
 * BSN or an address. The home-visit queue carries the visit address and phone number: the
 * visitor goes there and calls ahead.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { LocalizedText } from './api';
import { APPOINTMENT_CHANNELS, APPOINTMENT_STATES, CHECK_IN_STATES, URGENCY_REASONS } from './appointments';
import { AtHome, HomeVisitReason, HomeVisitState } from './home-visits-api';
import { literals } from './literals';

const IsoDate = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' });
const IsoDateTime = Type.String({ format: 'date-time' });
const WallTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM in Europe/Amsterdam' });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

/** At most this many days in one closure or capacity change (a quarter) */
export const PLANNING_MAX_RANGE_DAYS = 92;

const PlanningDesk = Type.Object({
  id: Type.String(),
  /** The appointment types this desk group serves, with their names */
  types: Type.Array(Type.Object({ code: Type.String(), name: LocalizedText })),
  /** The most parallel units the data file gives this group on any day */
  units: Type.Integer({ minimum: 0 }),
  urgentOnly: Type.Boolean(),
});

export const PlanningLocation = Type.Object({
  id: Type.String(),
  name: Type.String(),
  municipalityCode: nullable(Type.String()),
  desks: Type.Array(PlanningDesk),
});
export type PlanningLocation = Static<typeof PlanningLocation>;

export const PlanningLocationList = Type.Object({ locations: Type.Array(PlanningLocation) });
export type PlanningLocationList = Static<typeof PlanningLocationList>;

export const LocationParams = Type.Object({ locationId: Type.String({ maxLength: 100 }) });
export const ClosureParams = Type.Object({
  locationId: Type.String({ maxLength: 100 }),
  closureId: Type.String({ maxLength: 100 }),
});
export const VisitParams = Type.Object({ visitId: Type.String({ maxLength: 100 }) });
export const AgendaQuery = Type.Object({ date: IsoDate });

export const AgendaEntry = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  state: literals(APPOINTMENT_STATES),
  time: WallTime,
  endTime: WallTime,
  deskId: Type.String(),
  unit: Type.Integer(),
  type: Type.Object({ code: Type.String(), name: LocalizedText }),
  channel: literals(APPOINTMENT_CHANNELS),
  residentName: Type.String(),
  /** Urgent debt help: what threatens (eviction, energy or water, health insurance) */
  urgency: nullable(literals(URGENCY_REASONS)),
  needs: Type.Object({
    interpreter: nullable(Type.String()),
    wheelchair: Type.Boolean(),
    companion: Type.Boolean(),
    note: nullable(Type.String()),
  }),
  /** Only for a phone appointment: the number to call */
  phone: nullable(Type.String()),
  /** Expected, arrived ("aangemeld" at the front desk) or cancelled (issue 14) */
  checkIn: literals(CHECK_IN_STATES),
  arrivedAt: nullable(IsoDateTime),
});
export type AgendaEntry = Static<typeof AgendaEntry>;

const AgendaClosure = Type.Object({
  id: nullable(Type.String()),
  from: nullable(WallTime),
  until: nullable(WallTime),
  reason: Type.String(),
});

export const DayAgenda = Type.Object({
  location: Type.Object({ id: Type.String(), name: Type.String() }),
  date: IsoDate,
  /** Why (part of) the day is closed: public holiday, data file, planner */
  closures: Type.Array(AgendaClosure),
  entries: Type.Array(AgendaEntry),
});
export type DayAgenda = Static<typeof DayAgenda>;

export const PlaceClosure = Type.Object({
  id: Type.String({ format: 'uuid' }),
  date: IsoDate,
  /** Null: the whole day */
  from: nullable(WallTime),
  until: nullable(WallTime),
  reason: Type.String(),
});
export type PlaceClosure = Static<typeof PlaceClosure>;

export const ClosureList = Type.Object({ closures: Type.Array(PlaceClosure) });
export type ClosureList = Static<typeof ClosureList>;

export const NewClosure = Type.Object(
  {
    /** First day closed */
    dateFrom: IsoDate,
    /** Last day closed; leave out for one day */
    dateUntil: Type.Optional(IsoDate),
    /** Part of each day (both or neither); leave out for whole days */
    from: Type.Optional(WallTime),
    until: Type.Optional(WallTime),
    reason: Text(300),
  },
  { additionalProperties: false },
);
export type NewClosure = Static<typeof NewClosure>;

/** A booked appointment a change hits: the planner contacts this resident (nothing is cancelled) */
export const AffectedBooking = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  date: IsoDate,
  time: WallTime,
  type: Type.Object({ code: Type.String(), name: LocalizedText }),
  residentName: Type.String(),
  /** The number the resident gave for this appointment, if any */
  phone: nullable(Type.String()),
});
export type AffectedBooking = Static<typeof AffectedBooking>;

export const ClosureCreated = Type.Object({
  closures: Type.Array(PlaceClosure),
  /** Booked appointments inside the closure: still booked; contact these residents */
  affected: Type.Array(AffectedBooking),
});
export type ClosureCreated = Static<typeof ClosureCreated>;

export const CapacityChange = Type.Object({
  id: Type.String({ format: 'uuid' }),
  deskId: Type.String(),
  date: IsoDate,
  from: WallTime,
  until: WallTime,
  units: Type.Integer({ minimum: 0 }),
  reason: nullable(Type.String()),
});
export type CapacityChange = Static<typeof CapacityChange>;

export const CapacityChangeList = Type.Object({ capacityChanges: Type.Array(CapacityChange) });
export type CapacityChangeList = Static<typeof CapacityChangeList>;

export const NewCapacityChange = Type.Object(
  {
    deskId: Type.String({ minLength: 1, maxLength: 100 }),
    dateFrom: IsoDate,
    /** Last day; leave out for one day */
    dateUntil: Type.Optional(IsoDate),
    /** ISO weekdays (1 = Monday) within the range; leave out for every day */
    weekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 })),
    from: WallTime,
    until: WallTime,
    /** Parallel desks from now on in this window (0 closes the group) */
    units: Type.Integer({ minimum: 0, maximum: 50 }),
    reason: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type NewCapacityChange = Static<typeof NewCapacityChange>;

export const CapacityChanged = Type.Object({
  capacityChanges: Type.Array(CapacityChange),
  /** Booked appointments on units above the new number: more residents than desks */
  affected: Type.Array(AffectedBooking),
});
export type CapacityChanged = Static<typeof CapacityChanged>;

const VisitWindow = Type.Object({ date: IsoDate, from: WallTime, until: WallTime }, { additionalProperties: false });

export const QueuedHomeVisit = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  state: HomeVisitState,
  residentName: Type.String(),
  municipality: Type.Object({ code: Type.String(), name: Type.String() }),
  reason: HomeVisitReason,
  reasonText: nullable(Type.String()),
  address: Type.Object({ street: Type.String(), postalCode: Type.String(), city: Type.String() }),
  addressCorrected: Type.Boolean(),
  atHome: Type.Array(AtHome),
  phone: Type.String(),
  caseReference: nullable(Type.String()),
  note: nullable(Type.String()),
  /** Planned, or (while an alternative is on offer) the proposed window */
  planned: nullable(VisitWindow),
  alternativeNote: nullable(Type.String()),
  requestedAt: IsoDateTime,
});
export type QueuedHomeVisit = Static<typeof QueuedHomeVisit>;

export const HomeVisitQueue = Type.Object({ homeVisits: Type.Array(QueuedHomeVisit) });
export type HomeVisitQueue = Static<typeof HomeVisitQueue>;

export const HomeVisitPlanning = VisitWindow;
export type HomeVisitPlanning = Static<typeof HomeVisitPlanning>;

export const HomeVisitAlternative = Type.Object(
  {
    /** What the resident reads, e.g. "We bellen u liever" or another day */
    note: Text(1000),
    /** A window the resident can accept in the app */
    proposed: Type.Optional(VisitWindow),
  },
  { additionalProperties: false },
);
export type HomeVisitAlternative = Static<typeof HomeVisitAlternative>;

export const HomeVisitDecline = Type.Object({ reason: Text(1000) }, { additionalProperties: false });
export type HomeVisitDecline = Static<typeof HomeVisitDecline>;

export const QueuedHomeVisitResponse = Type.Object({ homeVisit: QueuedHomeVisit });
export type QueuedHomeVisitResponse = Static<typeof QueuedHomeVisitResponse>;
