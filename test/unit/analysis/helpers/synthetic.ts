import type { Transcript, Word } from '../../../../services/transcripts/transcript.js';
import { transcriptText } from '../../../../services/transcripts/transcript.js';
import type { Timeline } from '../../../../services/analysis/metrics/timeline.js';
import { toTimeline } from '../../../../services/analysis/metrics/timeline.js';

export const word = (text: string, start: number, end: number, extra: Partial<Word> = {}): Word => ({
  text,
  start,
  end,
  ...extra,
});

export const tl = (...words: Word[]): Timeline => toTimeline(words);

export const transcript = (words: Word[], durationSec: number, engine = 'import'): Transcript => ({
  engine,
  durationSec,
  words,
  text: transcriptText(words),
});

export { wordsFromText, type SyntheticTiming } from '../../../../eval/synthetic-words.js';
