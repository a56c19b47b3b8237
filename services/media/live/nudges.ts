/**
 * Pure: gentle coaching nudges from final caption words and the VAD, in audio time.
 *
 * - pace: words per minute of the speech in the last ~15 s (segment spans, so a pause between
 *   sentences is not "slow"); only with enough speech to judge. Slow is the report's own floor
 *   (reference-ranges.ts, 130 WPM); fast is a live-only limit (listeners of a spoken answer lose
 *   words past ~190, above the 130–175 presenting band).
 * - fillers: a run of them (the report's lexicon) among the last ~20 s of words.
 * - silence: no speech for `silenceSec` after the answer has begun.
 * - long_answer: the answer (first speech after the question) runs past the upper end of
 *   RECOMMENDED_SEC for the question's kind; 120 s when the kind is unknown or has no range.
 * Gentle: each kind has a cooldown, any two nudges are apart by `minGapSec`, long_answer comes once
 * per question, and nothing is said in the first seconds of an answer.
 */
import type { LiveNudge, LiveQuestion, NudgeKind } from '../../api/live.contract.js';
import { RECOMMENDED_SEC } from '../../analysis/content/length.js';
import { detectFillers } from '../../analysis/metrics/fillers.js';
import { toTimeline } from '../../analysis/metrics/timeline.js';
import { REFERENCE_RANGES } from '../../analysis/reference-ranges.js';

export type Nudge = Omit<LiveNudge, 'interviewId'>;

export interface TimedText {
  text: string;
  start: number;
  end: number;
}

export interface NudgeOptions {
  paceWindowSec?: number;
  /** Seconds of speech inside the window needed to judge pace. */
  paceMinSpeechSec?: number;
  slowWpm?: number;
  fastWpm?: number;
  fillerWindowSec?: number;
  fillerRun?: number;
  silenceSec?: number;
  cooldownSec?: number;
  minGapSec?: number;
  /** No nudge in the first seconds of an answer. */
  graceSec?: number;
}

const DEFAULT_ANSWER_SEC = 120;

export function recommendedMaxSec(q: LiveQuestion | undefined): number {
  const range = q?.kind ? RECOMMENDED_SEC[q.kind] : null;
  return range ? range[1] : DEFAULT_ANSWER_SEC;
}

interface Span {
  start: number;
  end: number;
  words: TimedText[];
}

export class Nudger {
  private readonly o: Required<NudgeOptions>;
  private question = 0;
  private questionAt = 0;
  /** Audio time of the first speech of the current answer. */
  private answerStart: number | null = null;
  private longSaid = false;
  private spans: Span[] = [];
  private readonly lastOf = new Map<NudgeKind, number>();
  private lastAny = -Infinity;
  /** Fillers already counted towards a nudge are not counted again. */
  private fillersSeenUntil = -Infinity;

  constructor(private readonly questions: readonly LiveQuestion[], opts: NudgeOptions = {}) {
    this.o = {
      paceWindowSec: 15,
      paceMinSpeechSec: 8,
      slowWpm: REFERENCE_RANGES.wpm.range.low ?? 130,
      fastWpm: 190,
      fillerWindowSec: 20,
      fillerRun: 3,
      silenceSec: 6,
      cooldownSec: 30,
      minGapSec: 10,
      graceSec: 8,
      ...opts,
    };
  }

  get currentQuestion(): number {
    return this.question;
  }

  setQuestion(index: number, atSec: number): void {
    this.question = index;
    this.questionAt = atSec;
    this.answerStart = null;
    this.longSaid = false;
    this.spans = [];
    this.fillersSeenUntil = atSec;
  }

  /** The VAD heard speech ending at `atSec`. */
  speech(atSec: number): void {
    if (this.answerStart === null && atSec >= this.questionAt) this.answerStart = atSec;
  }

  /** A final caption: its words with absolute times, over the segment [start, end]. */
  final(start: number, end: number, words: readonly TimedText[]): void {
    if (end < this.questionAt) return;
    this.spans.push({ start, end, words: [...words] });
  }

  /** Nudges due at audio time `nowSec`, given when speech was last heard. */
  tick(nowSec: number, lastSpeechSec: number | null): Nudge[] {
    const horizon = nowSec - Math.max(this.o.paceWindowSec, this.o.fillerWindowSec);
    this.spans = this.spans.filter((s) => s.end >= horizon);
    if (this.answerStart === null || nowSec - this.answerStart < this.o.graceSec) return [];
    const out: Nudge[] = [];
    const maxSec = recommendedMaxSec(this.questions[this.question]);
    const answered = nowSec - this.answerStart;
    if (!this.longSaid && answered > maxSec && this.can('long_answer', nowSec)) {
      this.longSaid = true;
      out.push(this.say('long_answer', nowSec, `You've been answering for about ${minutes(answered)}; a good moment to wrap up.`));
    }
    const silent = lastSpeechSec === null ? 0 : nowSec - Math.max(lastSpeechSec, this.questionAt);
    if (silent >= this.o.silenceSec && this.can('silence', nowSec)) {
      out.push(this.say('silence', nowSec, 'Take your time. When you are ready, pick up where you left off.'));
    }
    const pace = this.pace(nowSec);
    if (pace !== null && pace > this.o.fastWpm && this.can('pace_fast', nowSec)) {
      out.push(this.say('pace_fast', nowSec, `You're speaking quickly: about ${Math.round(pace)} words a minute. Try a short pause between points.`));
    } else if (pace !== null && pace < this.o.slowWpm && this.can('pace_slow', nowSec)) {
      out.push(this.say('pace_slow', nowSec, `Your pace is relaxed: about ${Math.round(pace)} words a minute. A little more energy will keep it lively.`));
    }
    const fillers = this.recentFillers(nowSec);
    if (fillers.length >= this.o.fillerRun && this.can('fillers', nowSec)) {
      this.fillersSeenUntil = fillers.at(-1)!;
      out.push(this.say('fillers', nowSec, 'A few fillers crept in. A silent pause works just as well.'));
    }
    return out;
  }

  /** WPM over the speech spans ending in the pace window, or null with too little speech. */
  private pace(nowSec: number): number | null {
    const recent = this.spans.filter((s) => s.end >= nowSec - this.o.paceWindowSec);
    const speechSec = recent.reduce((a, s) => a + (s.end - s.start), 0);
    if (speechSec < this.o.paceMinSpeechSec) return null;
    const words = recent.reduce((a, s) => a + s.words.filter((w) => /[A-Za-z0-9]/.test(w.text)).length, 0);
    return (words / speechSec) * 60;
  }

  /** Start times of the fillers among the recent words not already nudged about. */
  private recentFillers(nowSec: number): number[] {
    const from = Math.max(nowSec - this.o.fillerWindowSec, this.fillersSeenUntil + 1e-6);
    const words = this.spans.flatMap((s) => s.words).filter((w) => w.start >= from);
    if (words.length === 0) return [];
    return detectFillers(toTimeline(words)).map((f) => f.start);
  }

  private can(kind: NudgeKind, nowSec: number): boolean {
    return nowSec - (this.lastOf.get(kind) ?? -Infinity) >= this.o.cooldownSec && nowSec - this.lastAny >= this.o.minGapSec;
  }

  private say(kind: NudgeKind, atSec: number, message: string): Nudge {
    this.lastOf.set(kind, atSec);
    this.lastAny = atSec;
    return { kind, message, atSec, question: this.question };
  }
}

const minutes = (sec: number): string => {
  const m = Math.round(sec / 30) / 2;
  return m <= 1 ? 'a minute' : `${m} minutes`;
};
