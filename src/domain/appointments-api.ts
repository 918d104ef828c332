/**
 * The API contract for appointments and "call me back" requests (issue 5), as TypeBox schemas.
 * Kept apart from api.ts to keep each file readable; the same conventions hold: the server
 * registers these on its routes, the client imports only the `Static` types.
 * Instants are UTC ISO strings; `date` and `time` are the wall clock in the Netherlands.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Address, LocalizedText } from './api';
import {
  APPOINTMENT_CHANNELS,
  APPOINTMENT_STATES,
  CALLBACK_PARTS_OF_DAY,
  CALLBACK_STATES,
  CALLBACK_TOPICS,
  NEEDS_LIMITS,
  URGENCY_REASONS,
} from './appointments';
import { literals } from './literals';

const IsoDate = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' });
const IsoDateTime = Type.String({ format: 'date-time' });
const WallTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM in Europe/Amsterdam' });
const Uuid = Type.String({ format: 'uuid' });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const OptionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

export const AppointmentChannel = literals(APPOINTMENT_CHANNELS);
export type AppointmentChannel = Static<typeof AppointmentChannel>;

/** Wgs art. 4: the threats that make debt help urgent (3 working days) */
export const UrgencyReason = literals(URGENCY_REASONS);
export type UrgencyReason = Static<typeof UrgencyReason>;

/** When a place is open: ISO weekday (1 = Monday), wall-clock times; a day may have several */
export const OpeningHours = Type.Object({
  day: Type.Integer({ minimum: 1, maximum: 7 }),
  opens: WallTime,
  closes: WallTime,
});
export type OpeningHours = Static<typeof OpeningHours>;

export const AppointmentPlace = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Address,
  accessibility: LocalizedText,
  /** Opens the phone's maps app on the address */
  routeUrl: Type.String(),
  phone: Type.Optional(Type.String()),
  /** Local desks open only a few hours a week: residents must see when */
  openingHours: Type.Array(OpeningHours),
});
export type AppointmentPlace = Static<typeof AppointmentPlace>;

export const AppointmentTypeInfo = Type.Object({
  code: Type.String(),
  name: LocalizedText,
  description: nullable(LocalizedText),
  durationMinutes: Type.Integer(),
  channels: Type.Array(AppointmentChannel),
  /** The debt-help first conversation: ask about the Wgs threats, offer the urgent path */
  urgentCapable: Type.Boolean(),
  whatToBring: Type.Array(LocalizedText),
  placeIds: Type.Array(Type.String()),
  /** False when this resident may not book it; `refusal` says why */
  bookable: Type.Boolean(),
  refusal: nullable(Type.Union([Type.Literal('MUNICIPALITY_NOT_SERVED'), Type.Literal('APPOINTMENT_NOT_ALLOWED')])),
});
export type AppointmentTypeInfo = Static<typeof AppointmentTypeInfo>;

export const AppointmentTypeList = Type.Object({
  types: Type.Array(AppointmentTypeInfo),
  places: Type.Array(AppointmentPlace),
  rules: Type.Object({
    minLeadMinutes: Type.Integer(),
    horizonDays: Type.Integer(),
    changeCutOffHours: Type.Integer(),
  }),
  /** The consortium's phone number: for "call now" and for whoever cannot book online */
  phone: Type.String(),
});
export type AppointmentTypeList = Static<typeof AppointmentTypeList>;

export const AvailabilityQuery = Type.Object({
  type: Type.String({ minLength: 1, maxLength: 60 }),
  /** Omit to get every place that offers the type (e.g. the urgent path) */
  place: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  urgent: Type.Optional(Type.Boolean()),
  from: Type.Optional(IsoDate),
  until: Type.Optional(IsoDate),
  /**
   * Free slots to move this appointment to: its own type and urgency decide, its own booking is
   * left out, and urgent debt help stays within the term of the first request
   */
  reschedule: Type.Optional(Uuid),
});
export type AvailabilityQuery = Static<typeof AvailabilityQuery>;

export const Slot = Type.Object({
  placeId: Type.String(),
  start: IsoDateTime,
  end: IsoDateTime,
  date: IsoDate,
  time: WallTime,
  endTime: WallTime,
});
export type Slot = Static<typeof Slot>;

const CallNow = Type.Object({
  /** URGENT_CAPACITY_FULL: urgent debt help has no reserved slot left; NO_SLOTS_AVAILABLE: none at all */
  code: Type.Union([Type.Literal('URGENT_CAPACITY_FULL'), Type.Literal('NO_SLOTS_AVAILABLE')]),
  phone: Type.String(),
});
type CallNow = Static<typeof CallNow>;

export const Availability = Type.Object({
  type: Type.String(),
  urgent: Type.Boolean(),
  /** The days that may be booked (lead time, horizon, Wgs term; for a reschedule the first request's term) */
  window: Type.Object({ from: IsoDate, until: IsoDate }),
  /** Only days with at least one free slot, in order */
  days: Type.Array(Type.Object({ date: IsoDate, slots: Type.Array(Slot) })),
  /** Set when nothing can be booked: call this number now */
  callNow: nullable(CallNow),
});
export type Availability = Static<typeof Availability>;

const Needs = Type.Object(
  {
    /** The language an interpreter should speak */
    interpreter: OptionalText(NEEDS_LIMITS.interpreterLanguage),
    wheelchair: Type.Optional(Type.Boolean()),
    /** The resident brings someone (family, a volunteer) */
    companion: Type.Optional(Type.Boolean()),
    note: OptionalText(NEEDS_LIMITS.note),
  },
  { additionalProperties: false },
);
type Needs = Static<typeof Needs>;

export const NewAppointment = Type.Object({
  type: Type.String({ minLength: 1, maxLength: 60 }),
  place: Type.String({ minLength: 1, maxLength: 60 }),
  start: IsoDateTime,
  channel: Type.Optional(AppointmentChannel),
  /** Only for the debt-help first conversation; books reserved urgent capacity */
  urgency: Type.Optional(UrgencyReason),
  needs: Type.Optional(Needs),
  /** Required for phone and video appointments: a Dutch number we can call */
  phone: OptionalText(30),
  caseId: Type.Optional(Uuid),
});
export type NewAppointment = Static<typeof NewAppointment>;

export const Reschedule = Type.Object({
  start: IsoDateTime,
  /** Another place that offers the same type; default: the same place */
  place: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  reason: OptionalText(NEEDS_LIMITS.reason),
});
export type Reschedule = Static<typeof Reschedule>;

export const Cancellation = Type.Object({ reason: OptionalText(NEEDS_LIMITS.reason) });
export type Cancellation = Static<typeof Cancellation>;

export const Appointment = Type.Object({
  id: Uuid,
  /** Say or show this at the desk (also in the QR code) */
  reference: Type.String(),
  state: literals(APPOINTMENT_STATES),
  type: Type.Object({ code: Type.String(), name: LocalizedText, durationMinutes: Type.Integer() }),
  channel: AppointmentChannel,
  place: AppointmentPlace,
  start: IsoDateTime,
  end: IsoDateTime,
  date: IsoDate,
  time: WallTime,
  endTime: WallTime,
  urgency: nullable(UrgencyReason),
  needs: Type.Object({
    interpreter: nullable(Type.String()),
    wheelchair: Type.Boolean(),
    companion: Type.Boolean(),
    note: nullable(Type.String()),
  }),
  phone: nullable(Type.String()),
  whatToBring: Type.Array(LocalizedText),
  caseId: nullable(Uuid),
  /** Reschedule and cancel are possible until this moment (the cut-off) */
  changeableUntil: IsoDateTime,
  canChange: Type.Boolean(),
  past: Type.Boolean(),
  bookedAt: IsoDateTime,
  rescheduledAt: nullable(IsoDateTime),
  cancelledAt: nullable(IsoDateTime),
  cancelReason: nullable(Type.String()),
  links: Type.Object({ calendar: Type.String(), qr: Type.String(), route: Type.String() }),
});
export type Appointment = Static<typeof Appointment>;

export const AppointmentList = Type.Object({
  /** Upcoming booked ones first (soonest first), then past and cancelled ones (newest first) */
  appointments: Type.Array(Appointment),
});
export type AppointmentList = Static<typeof AppointmentList>;

export const AppointmentResponse = Type.Object({ appointment: Appointment });
export type AppointmentResponse = Static<typeof AppointmentResponse>;

/**
 * The `error.details` of a refusal the client can act on (ErrorResponse in api.ts): SLOT_TAKEN
 * carries the next free slots, URGENT_CAPACITY_FULL the phone number to call now,
 * URGENT_TERM_EXCEEDED the last day the urgent conversation may fall on.
 */
export interface RefusalDetails {
  nextSlots?: Slot[];
  phone?: string;
  termEndsOn?: string;
}

const CallbackPartOfDay = literals(CALLBACK_PARTS_OF_DAY);
const CallbackTopic = literals(CALLBACK_TOPICS);

export const NewCallbackRequest = Type.Object({
  phone: Type.String({ minLength: 1, maxLength: 30 }),
  partOfDay: CallbackPartOfDay,
  topic: Type.Optional(CallbackTopic),
  note: OptionalText(300),
});
export type NewCallbackRequest = Static<typeof NewCallbackRequest>;

export const CallbackRequest = Type.Object({
  id: Uuid,
  phone: Type.String(),
  partOfDay: CallbackPartOfDay,
  topic: CallbackTopic,
  note: nullable(Type.String()),
  state: literals(CALLBACK_STATES),
  requestedAt: IsoDateTime,
});
export type CallbackRequest = Static<typeof CallbackRequest>;

export const CallbackRequestList = Type.Object({ callbackRequests: Type.Array(CallbackRequest) });
export type CallbackRequestList = Static<typeof CallbackRequestList>;
export const CallbackRequestCreated = Type.Object({ callbackRequest: CallbackRequest });
export type CallbackRequestCreated = Static<typeof CallbackRequestCreated>;
