/**
 * The API contract of front-desk help (/api/staff/assist, issue 6 point 3) as TypeBox schemas.
 * The client imports only the types. The BSN travels in request bodies only, never in a URL
 * (URLs end up in logs and browser history).
 */
import { Type, type Static } from '@sinclair/typebox';
import { ASSIST_PURPOSE_TEXT_MAX, ASSIST_PURPOSES } from './assist';
import { literals } from './literals';

const AssistPurposeSchema = literals(ASSIST_PURPOSES);

/** Who to help: a BSN (elfproef-checked) or a case reference from a letter; exactly one. */
export const AssistLookup = Type.Object({
  bsn: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
});
export type AssistLookup = Static<typeof AssistLookup>;

/** Enough to recognise the person at the desk; nothing more (need-to-know). */
export const AssistResident = Type.Object({
  name: Type.String(),
  municipality: Type.Object({ code: Type.String(), name: Type.String() }),
});
export type AssistResident = Static<typeof AssistResident>;

export const AssistSearchResult = Type.Object({ resident: AssistResident });
export type AssistSearchResult = Static<typeof AssistSearchResult>;

export const NewAssistSession = Type.Object({
  bsn: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  purpose: AssistPurposeSchema,
  /** Required for 'other'; a short reason, kept with the session only (never in the audit log) */
  purposeText: Type.Optional(Type.String({ maxLength: ASSIST_PURPOSE_TEXT_MAX })),
});
export type NewAssistSession = Static<typeof NewAssistSession>;

/** What the app needs to frame an assist session ("U helpt <naam>"), also in GET /api/me. */
export const AssistInfo = Type.Object({
  purpose: AssistPurposeSchema,
  purposeText: Type.Union([Type.String(), Type.Null()]),
});
export type AssistInfo = Static<typeof AssistInfo>;

export const AssistSessionResponse = Type.Object({ resident: AssistResident, assist: AssistInfo });
export type AssistSessionResponse = Static<typeof AssistSessionResponse>;
