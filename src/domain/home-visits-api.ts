/**
 * The API contract for home-visit requests (issue 5), as TypeBox schemas; conventions as in
 * api.ts. The resident asks, sees the state, and can cancel; staff plan, offer an alternative,
 * decline or mark done through the service functions (staff routes come with staff login).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Address } from './api';
import { HOME_VISIT_LIMITS, HOME_VISIT_REASONS, HOME_VISIT_STATES, PARTS_OF_DAY } from './home-visits';
import { literals } from './literals';

const IsoDate = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' });
const IsoDateTime = Type.String({ format: 'date-time' });
const WallTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM in Europe/Amsterdam' });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const HomeVisitReason = literals(HOME_VISIT_REASONS);

export const HomeVisitState = literals(HOME_VISIT_STATES);

export const AtHome = Type.Object(
  {
    day: Type.Integer({ minimum: 1, maximum: 5 }),
    part: literals(PARTS_OF_DAY),
  },
  { additionalProperties: false },
);

const HomeAddress = Type.Object(
  {
    street: Type.String({ minLength: 2, maxLength: 100, pattern: '\\S' }),
    postalCode: Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$' }),
    city: Type.String({ minLength: 2, maxLength: 60, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

export const NewHomeVisit = Type.Object({
  reason: HomeVisitReason,
  /** Required when the reason is 'other' */
  reasonText: Type.Optional(Type.String({ maxLength: HOME_VISIT_LIMITS.reasonText })),
  /** The address to visit: the registered one as confirmed, or corrected by the resident */
  address: HomeAddress,
  atHome: Type.Array(AtHome, { minItems: 1, maxItems: 10 }),
  phone: Type.String({ minLength: 1, maxLength: 30 }),
  /** The application it is about, if any */
  caseId: Type.Optional(Type.String({ format: 'uuid' })),
  note: Type.Optional(Type.String({ maxLength: HOME_VISIT_LIMITS.note })),
});
export type NewHomeVisit = Static<typeof NewHomeVisit>;

const Window = Type.Object({ date: IsoDate, from: WallTime, until: WallTime });

export const HomeVisit = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  state: HomeVisitState,
  reason: HomeVisitReason,
  reasonText: nullable(Type.String()),
  address: Address,
  /** True when the resident gave another address than the registered one */
  addressCorrected: Type.Boolean(),
  atHome: Type.Array(AtHome),
  phone: Type.String(),
  caseId: nullable(Type.String({ format: 'uuid' })),
  note: nullable(Type.String()),
  /** Set once planned: the day and the time window the visitor comes */
  planned: nullable(Window),
  /** What staff propose instead (a phone call, an office visit with transport, another day) */
  alternative: nullable(Type.Object({ note: Type.String(), proposed: nullable(Window) })),
  declineReason: nullable(Type.String()),
  requestedAt: IsoDateTime,
  /** Last change of the state: the app shows news since the resident last looked */
  changedAt: IsoDateTime,
  canCancel: Type.Boolean(),
  /** True when an alternative with a proposed date can be accepted as is */
  canAcceptAlternative: Type.Boolean(),
});
export type HomeVisit = Static<typeof HomeVisit>;

export const HomeVisitList = Type.Object({
  homeVisits: Type.Array(HomeVisit),
  /** The address in the population register, to confirm or correct in the form */
  registeredAddress: Address,
});
export type HomeVisitList = Static<typeof HomeVisitList>;

export const HomeVisitResponse = Type.Object({ homeVisit: HomeVisit });
export type HomeVisitResponse = Static<typeof HomeVisitResponse>;

export const HomeVisitCancellation = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 300 })) });
