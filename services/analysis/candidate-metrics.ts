import { floorSec, candidateWpmSeries, paceVariability } from './metrics/candidate-pace.js';
import { recordingDurationSec } from './metrics/duration.js';
import { detectFillers, fillerStats } from './metrics/fillers.js';
import { detectHedges } from './metrics/hedges.js';
import { longestSpeechRun } from './metrics/longest-speech.js';
import { detectPauses } from './metrics/pauses.js';
import { pronounStats } from './metrics/pronouns.js';
import { askedQuestions } from './questions/asked.js';
import { detectRepetitions } from './metrics/repetition.js';
import { speakingTimeSec } from './metrics/speaking-time.js';
import type { Timeline } from './metrics/timeline.js';
import { tokenStream } from './metrics/token-stream.js';
import { mergeIntervals, turnTimeline, turns } from './metrics/turns.js';
import { vocabularyStats } from './metrics/vocabulary.js';
import { wordCount } from './metrics/word-count.js';
import { wordsPerMinute } from './metrics/wpm.js';
import type { ReportMetrics } from './report.schema.js';
import type { SpeakerFacts } from './speakers.js';
import { SINGLE_SPEAKER_ID, chooseCandidate, speakerFacts, speakerIds } from './speakers.js';

/**
 * Stored numbers are rounded to what the inputs can support: engines time words to ~10 ms, so more
 * than millisecond precision is noise, and a WPM of 132.4719 claims a precision no recording has.
 */
export const sec = (x: number): number => Math.round(x * 1000) / 1000;
const oneDecimal = (x: number): number => Math.round(x * 10) / 10;
const fraction = (x: number): number => Math.round(x * 10000) / 10000;

export interface CandidateAnalysis {
  readonly candidate: string;
  readonly facts: readonly SpeakerFacts[];
  readonly metrics: ReportMetrics;
}

const speakerOf = (s: string | undefined): string => s ?? SINGLE_SPEAKER_ID;

/**
 * Every speech metric of the report, about the candidate unless a field says otherwise. `tl` must be
 * speaker-labelled (labelSpeakers). One token stream feeds every text detector; per-turn metrics
 * (pauses, runs, monologue) never measure across another speaker's turn.
 */
export function analyzeSpeech(tl: Timeline, reportedDurationSec: number, candidateOverride?: string, timed = true): CandidateAnalysis {
  const durationSec = recordingDurationSec(reportedDurationSec, tl);
  const stream = tokenStream(tl);
  const allTurns = turns(tl);
  const questions = askedQuestions(tl);
  const ids = speakerIds(tl);
  const talk = new Map(ids.map((id) => [id, speakingTimeSec({ words: tl.words.filter((w) => speakerOf(w.speaker) === id), issues: tl.issues })]));
  const facts = speakerFacts(ids, talk, allTurns.map((t) => t.speaker), allTurns.map((t) => t.words), questions);
  const candidate = ids.length === 0 ? speakerOf(candidateOverride) : chooseCandidate(facts, candidateOverride);

  const mine = <T extends { speaker: string | undefined }>(xs: readonly T[]): T[] => xs.filter((x) => x.speaker === candidate);
  const candTl: Timeline = { words: tl.words.filter((w) => w.speaker === candidate), issues: tl.issues };
  const myTurns = allTurns.filter((t) => t.speaker === candidate);
  const others = mergeIntervals(allTurns.filter((t) => t.speaker !== candidate));
  const floor = floorSec(durationSec, others);
  const words = wordCount(candTl.words);
  const speakingSec = talk.get(candidate) ?? 0;
  const norms = mine(stream.toks).map((t) => t.norm);

  const pauseParts = myTurns.map((t) => detectPauses(turnTimeline(tl, t)));
  const pauseItems = pauseParts.flatMap((p) => p.items);
  const pauseTotal = pauseItems.reduce((a, p) => a + p.durationSec, 0);
  const turnSec = myTurns.reduce((a, t) => a + (t.end - t.start), 0);
  const series = candidateWpmSeries(candTl, others, durationSec);
  const fillers = fillerStats(mine(detectFillers(stream)), words, floor);
  const hedges = fillerStats(mine(detectHedges(stream)), words, floor);
  const repeats = mine(detectRepetitions(stream.toks));
  const vocab = vocabularyStats(norms);
  const pronouns = pronounStats(norms);
  const totalTalk = [...talk.values()].reduce((a, b) => a + b, 0);
  const totalWords = wordCount(tl.words);
  const item = (x: { word: string; start: number; speaker: string | undefined }) => ({ word: x.word, start: sec(x.start), speaker: speakerOf(x.speaker) });
  const phraseStats = (s: typeof fillers) => ({
    count: s.count,
    perMinute: oneDecimal(s.perMinute),
    ratio: fraction(s.ratio),
    items: s.items.map(item),
  });

  const metrics: ReportMetrics = {
    timed: true,
    durationSec: sec(durationSec),
    floorSec: sec(floor),
    speakingSec: sec(speakingSec),
    wordCount: words,
    wpm: oneDecimal(wordsPerMinute(words, floor)),
    articulationWpm: oneDecimal(wordsPerMinute(words, speakingSec)),
    wpmSeries: series.map((p) => ({ t: sec(p.t), wpm: oneDecimal(p.wpm), durationSec: sec(p.durationSec), partial: p.partial })),
    paceVariability: fraction(paceVariability(series)),
    fillers: phraseStats(fillers),
    hedges: phraseStats(hedges),
    repetition: {
      count: repeats.length,
      perMinute: oneDecimal(wordsPerMinute(repeats.length, floor)),
      items: repeats.map((r) => ({ text: r.text, times: r.times, start: sec(r.start), speaker: speakerOf(r.speaker) })),
    },
    vocabulary: { uniqueWords: vocab.uniqueWords, uniqueRatio: fraction(vocab.uniqueRatio), mattr: fraction(vocab.mattr), windowWords: vocab.windowWords },
    pronouns: { i: pronouns.i, we: pronouns.we, weRatio: fraction(pronouns.weRatio) },
    pauses: {
      count: pauseItems.length,
      longestSec: sec(Math.max(0, ...pauseItems.map((p) => p.durationSec))),
      totalSec: sec(pauseTotal),
      silenceShare: fraction(turnSec > 0 ? Math.min(1, pauseTotal / turnSec) : 0),
      items: pauseItems.map((p) => ({ start: sec(p.start), end: sec(p.end), durationSec: sec(p.durationSec) })),
    },
    longestSpeechSec: sec(Math.max(0, ...myTurns.map((t) => longestSpeechRun(turnTimeline(tl, t))?.durationSec ?? 0))),
    longestMonologueSec: sec(Math.max(0, ...myTurns.map((t) => t.end - t.start))),
    talkRatio: fraction(totalTalk > 0 ? speakingSec / totalTalk : 0),
    talkRatioByWords: fraction(totalWords > 0 ? words / totalWords : 0),
    questionsAsked: ids.map((id) => ({ speaker: id, count: questions.filter((q) => speakerOf(q.speaker) === id).length })),
  };
  return { candidate, facts, metrics: timed ? metrics : withoutTimes(metrics) };
}

/**
 * The metrics of a transcript without times: its word positions are nominal (150 wpm), so every
 * figure made of seconds would be an artefact of that assumption and is left out; counts, shares of
 * words, vocabulary and talk ratio by words stay.
 */
export function withoutTimes(m: ReportMetrics): ReportMetrics {
  const {
    durationSec: _d, floorSec: _f, speakingSec: _s, wpm: _w, articulationWpm: _a, wpmSeries: _ws, paceVariability: _pv,
    pauses: _p, longestSpeechSec: _ls, longestMonologueSec: _lm, talkRatio: _tr, ...rest
  } = m;
  const untimedPhrases = ({ perMinute: _pm, ...p }: ReportMetrics['fillers']) => p;
  const { perMinute: _rpm, ...repetition } = m.repetition;
  return { ...rest, timed: false, fillers: untimedPhrases(m.fillers), hedges: untimedPhrases(m.hedges), repetition };
}
