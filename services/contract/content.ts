/**
 * The content half of the report (schemaVersion 2): questions and answers with STAR evidence, prep
 * notes against what was said, a summary and the three most valuable tips. Produced by the local
 * analyzer, optionally enriched by an LLM (services/ai); both must satisfy these schemas.
 */
import { z } from 'zod';

/** How a question is classified (services/analysis/questions/kind.ts recognises it). */
export const QUESTION_KINDS = ['introduction', 'behavioural', 'strengths_weaknesses', 'motivation', 'technical', 'candidate_questions'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const StarPartSchema = z.strictObject({
  present: z.boolean(),
  /** The quoted sentence that shows the part, verbatim from the transcript; absent when not present. */
  evidence: z.string().optional(),
});

export const StarSchema = z.strictObject({
  situation: StarPartSchema,
  task: StarPartSchema,
  action: StarPartSchema,
  result: StarPartSchema,
});

export const AnswerSchema = z.strictObject({
  /** The interviewer's asking words, verbatim (an exchange asked over several turns joins them). */
  question: z.string(),
  /** Kind of question; decides the recommended length and whether STAR is expected. */
  kind: z.enum(QUESTION_KINDS),
  /** A STAR story is expected (behavioural questions only); other answers show STAR as evidence only. */
  starExpected: z.boolean(),
  /** Seconds: from the question's first word to the answer's last word. Absent without word times. */
  start: z.number().nonnegative().optional(),
  end: z.number().nonnegative().optional(),
  /** The candidate's answer, verbatim. */
  text: z.string(),
  /** Absent without word times. */
  durationSec: z.number().nonnegative().optional(),
  wordCount: z.number().int().nonnegative(),
  /**
   * Answer length judged against the recommended range for its kind of question. Absent without word
   * times, and for kinds with no range (the candidate's own questions).
   */
  length: z.strictObject({ verdict: z.enum(['short', 'ok', 'long']), recommendedSec: z.tuple([z.number(), z.number()]) }).optional(),
  star: StarSchema,
  /** One concrete improvement. */
  tip: z.string(),
});

export const PrepPointSchema = z.strictObject({
  point: z.string(),
  status: z.enum(['covered', 'partial', 'missed']),
  evidence: z.string().optional(),
});

export const ContentSchema = z.strictObject({
  answers: z.array(AnswerSchema),
  prep: z.strictObject({ points: z.array(PrepPointSchema) }).optional(),
  tips: z.array(z.string()).length(3),
  summary: z.string(),
});

export type Star = z.infer<typeof StarSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type PrepPoint = z.infer<typeof PrepPointSchema>;
export type Content = z.infer<typeof ContentSchema>;
