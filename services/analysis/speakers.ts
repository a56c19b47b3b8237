import type { Word } from '../transcripts/transcript.js';
import { InvalidTranscriptError } from './errors.js';
import type { Timeline } from './metrics/timeline.js';
import type { AskedQuestion } from './questions/asked.js';
import type { Speaker } from './speakers.schema.js';

/** The id given to every word when the transcript has no speaker labels. */
export const SINGLE_SPEAKER_ID = 'speaker';

export interface LabelledWords {
  readonly words: Word[];
  /** No word had a label: everything was attributed to one speaker, assumed to be the candidate. */
  readonly assumedSingleSpeaker: boolean;
  /** Words without a label in an otherwise labelled transcript, given their neighbour's speaker. */
  readonly inherited: number;
}

const hasLabel = (w: Word): boolean => w.speaker !== undefined && w.speaker.trim() !== '';

/**
 * Every word gets a speaker. Unlabelled transcripts become one speaker, SINGLE_SPEAKER_ID. In a labelled
 * transcript a stray unlabelled word belongs to the turn it sits in: it takes the previous labelled
 * word's speaker (the next one's before the first label), as the MIT transcripts' unlabelled lines do.
 */
export function labelSpeakers(words: readonly Word[]): LabelledWords {
  const firstLabel = words.find(hasLabel)?.speaker;
  if (firstLabel === undefined) {
    return { words: words.map((w) => ({ ...w, speaker: SINGLE_SPEAKER_ID })), assumedSingleSpeaker: true, inherited: 0 };
  }
  let current = firstLabel;
  let inherited = 0;
  const out = words.map((w) => {
    if (hasLabel(w)) {
      current = w.speaker!;
      return w;
    }
    inherited++;
    return { ...w, speaker: current };
  });
  return { words: out, assumedSingleSpeaker: false, inherited };
}

/** Speaker ids in order of first appearance. */
export function speakerIds(tl: Timeline): string[] {
  return [...new Set(tl.words.map((w) => w.speaker ?? SINGLE_SPEAKER_ID))];
}

export interface SpeakerFacts {
  readonly id: string;
  readonly talkSec: number;
  readonly words: number;
  /** Words this speaker said in turns that directly follow another speaker's question. */
  readonly answerWords: number;
}

/**
 * Per-speaker facts for choosing the candidate. `questions` are the asking turns (questions/asked.ts)
 * with their turn index; `turnWords[t]` and `turnSpeaker[t]` describe turn t.
 */
export function speakerFacts(
  ids: readonly string[],
  talkSec: ReadonlyMap<string, number>,
  turnSpeaker: readonly string[],
  turnWords: readonly number[],
  questions: readonly Pick<AskedQuestion, 'turn'>[],
): SpeakerFacts[] {
  const words = new Map<string, number>();
  turnSpeaker.forEach((s, t) => words.set(s, (words.get(s) ?? 0) + (turnWords[t] ?? 0)));
  const answers = new Map<string, number>();
  for (const t of new Set(questions.map((q) => q.turn))) {
    const answerer = turnSpeaker[t + 1];
    if (answerer !== undefined && answerer !== turnSpeaker[t]) {
      answers.set(answerer, (answers.get(answerer) ?? 0) + (turnWords[t + 1] ?? 0));
    }
  }
  return ids.map((id) => ({ id, talkSec: talkSec.get(id) ?? 0, words: words.get(id) ?? 0, answerWords: answers.get(id) ?? 0 }));
}

/**
 * The candidate is the speaker who answers the questions: the most words spoken in turns that
 * directly follow another speaker's asking turn. Interviewers ask most of the questions and
 * speak less, so their "answer words" are few (only replies to the candidate's own questions at the
 * end). Ties, including a transcript with no questions at all, go to the speaker with more talk time
 * (candidates hold 75–93% of the words in the MIT interviews), then to the first to speak.
 * `override` (the user's choice) wins; it must name a speaker of the transcript.
 */
export function chooseCandidate(facts: readonly SpeakerFacts[], override?: string): string {
  if (override !== undefined) {
    if (!facts.some((f) => f.id === override)) {
      throw new InvalidTranscriptError(`candidate speaker "${override}" does not occur in the transcript`, {
        candidateSpeaker: override,
        speakers: facts.map((f) => f.id),
      });
    }
    return override;
  }
  let best = facts[0];
  for (const f of facts.slice(1)) {
    if (!best || f.answerWords > best.answerWords || (f.answerWords === best.answerWords && f.talkSec > best.talkSec)) best = f;
  }
  return best?.id ?? SINGLE_SPEAKER_ID;
}

export function speakerList(
  facts: readonly SpeakerFacts[],
  candidate: string,
  names: Readonly<Record<string, string>> = {},
  round: (x: number) => number = (x) => x,
): Speaker[] {
  return facts.map((f) => ({
    id: f.id,
    ...(names[f.id] ? { name: names[f.id] } : {}),
    role: f.id === candidate ? 'candidate' : 'interviewer',
    talkSec: round(f.talkSec),
  }));
}
