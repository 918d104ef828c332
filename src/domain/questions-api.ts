/**
 * The API contract of the case worker's side of residents' questions and of the case worker's
 * worklist (issue 14), as TypeBox schemas. The resident's side (asking, reading the answer) is
 * in api.ts (`Question`, `NewQuestion`).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { LocalizedText } from './api';
import { literals } from './literals';

const IsoDate = Type.String({ format: 'date', description: 'Calendar date YYYY-MM-DD' });
const IsoDateTime = Type.String({ format: 'date-time' });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An answer is read by the resident: plain text, about a page at most (as a question). */
export const MAX_ANSWER_LENGTH = 4000;

export const StaffQuestion = Type.Object({
  id: Type.String({ format: 'uuid' }),
  /** The resident's words, as typed */
  text: Type.String(),
  askedAt: IsoDateTime,
  answer: nullable(Type.String()),
  answeredAt: nullable(IsoDateTime),
});
export type StaffQuestion = Static<typeof StaffQuestion>;

/** Open questions first (oldest first: they have waited longest), then the answered ones, newest first. */
export const StaffQuestionList = Type.Object({ questions: Type.Array(StaffQuestion) });
export type StaffQuestionList = Static<typeof StaffQuestionList>;

export const QuestionAnswerInput = Type.Object({
  /** What the resident reads under their question: plain text, B1 Dutch */
  answer: Type.String({ minLength: 1, maxLength: MAX_ANSWER_LENGTH, pattern: '\\S' }),
});
export type QuestionAnswerInput = Static<typeof QuestionAnswerInput>;

export const StaffQuestionResponse = Type.Object({ question: StaffQuestion });
export type StaffQuestionResponse = Static<typeof StaffQuestionResponse>;

export const CaseQuestionParams = Type.Object({ caseId: Type.String(), questionId: Type.String() });

/**
 * What a worklist row asks of the case worker, in the order the list shows the kinds:
 * documents that arrived and wait for a judgement, questions without an answer, repair terms
 * (hersteltermijn, Awb 4:5) that end soon or have passed, decisions due soon (beslistermijn).
 */
export const WORK_KINDS = ['documents_to_judge', 'questions_to_answer', 'repair_term_ending', 'decision_due'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** How far ahead the worklist looks: repair terms within a week, decisions within two. */
export const REPAIR_TERM_HORIZON_DAYS = 7;
export const DECISION_HORIZON_DAYS = 14;

export const WorkItem = Type.Object({
  kind: literals(WORK_KINDS),
  caseId: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  scheme: LocalizedText,
  municipality: Type.String(),
  /** How many (documents, questions, requests) the row stands for */
  count: Type.Integer({ minimum: 1 }),
  /**
   * The date that orders the row: since when it waits (documents, questions: the oldest arrival
   * or question) or when a term ends (repair term, decision)
   */
  date: IsoDate,
});
export type WorkItem = Static<typeof WorkItem>;

/**
 * The case worker's worklist over their municipalities. Deliberately without names or the
 * questions' words: a list is a to-do, the case page shows (and audits) the dossier.
 */
export const Worklist = Type.Object({
  items: Type.Array(WorkItem),
  /** The day the list was made for (Amsterdam): "ends soon" is relative to it */
  today: IsoDate,
});
export type Worklist = Static<typeof Worklist>;
