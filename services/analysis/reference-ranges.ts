import { POCKETSPHINX_HESITATION_RECALL, WHISPER_HESITATION_RECALL } from '../media/fillers/measured.js';
import type { MetricCard, MetricId } from './metric-card.schema.js';

/** How a metric is judged and explained; the value comes from the metrics. */
export interface MetricReference {
  readonly label: string;
  readonly unit: MetricCard['unit'];
  readonly definition: string;
  readonly range: MetricCard['range'];
  /** One plain sentence per verdict. */
  readonly advice: Readonly<Record<Exclude<MetricCard['verdict'], 'info'>, string>>;
  /**
   * Set when rated interviews do not support judging this metric (no reliable direction, or one
   * opposite to the range): the card then gives this sentence with verdict "info" instead of a verdict.
   */
  readonly info?: string;
  /** What the MIT training split says (eval/sections/cards.ts measures it; a test keeps the two equal). */
  readonly evidence?: NonNullable<MetricCard['evidence']>;
}

const GUIDELINE = 'Interview Buddy guideline (no published norm for interviews)';
const MIT = 'MIT training split (70 interviews, crowd-rated Overall; timed WebVTT from the dataset’s answer durations)';
/** |r| below this is not significant at p < .05 with n = 70: no reliable direction. */
export const MIN_SUPPORTED_R = 0.235;

/**
 * The ranges a report judges against, with where they come from. Where no study gives a number for
 * job interviews we say so in `source` rather than borrow one from a different setting.
 */
export const REFERENCE_RANGES: Readonly<Record<MetricId, MetricReference>> = {
  wpm: {
    label: 'Pace',
    unit: 'wpm',
    definition: 'Your words per minute of the time you had the floor (the recording minus the interviewer’s turns).',
    range: {
      low: 130,
      source:
        'In rated job interviews faster speakers were rated higher (Naim et al. 2015; r = +0.51 here, and the 6 interviews under 130 WPM averaged 4.2 against 5.2), ' +
        'so only slow speech is flagged. The 130–175 WPM band of presenting research does not apply to interviews and no upper limit is judged.',
    },
    advice: {
      low: 'You spoke slowly; tighten long pauses and run-up phrases so answers keep their momentum.',
      ok: 'Your pace is brisk enough; interviewers rate a lively pace well, so keep it while staying clear.',
      high: 'Your pace is brisk enough; interviewers rate a lively pace well, so keep it while staying clear.',
    },
    evidence: { r: 0.51, n: 70, data: MIT, supports: 'higher' },
  },
  paceVariability: {
    label: 'Pace variability',
    unit: 'ratio',
    definition: 'How much your pace changes between 30-second windows: standard deviation ÷ mean of the windowed WPM.',
    range: { high: 0.3, source: `${GUIDELINE}: windows typically within 30% of your average pace. No rated interview data we have can test it.` },
    advice: {
      low: 'Your pace is steady.',
      ok: 'Your pace is steady without being monotone.',
      high: 'Your pace swings a lot; rushed stretches often mean nerves, so breathe before long answers.',
    },
    info: 'How much your pace changes between 30-second windows. Shown for information: no rated interview data supports a verdict on it.',
  },
  fillerRatio: {
    label: 'Fillers',
    unit: 'share',
    definition: 'Fillers (um, uh, filler "like", "you know", "I mean", "sort of", "kind of", "basically") ÷ your words.',
    range: {
      high: 0.06,
      source:
        'Naim et al. 2015 found fewer fillers went with higher interview ratings (r = −0.35 here). The common 4% coaching target flagged 71% of rated interviews; ' +
        'above 6% (40% of them) the rating drops most (4.8 against 5.3), so that is the line. From audio the count is close, not exact: in our tests ' +
        `offline Whisper heard ${Math.round(WHISPER_HESITATION_RECALL * 100)}% of the hesitations, pocketsphinx ${Math.round(POCKETSPHINX_HESITATION_RECALL * 100)}%.`,
    },
    advice: {
      low: 'You use very few fillers.',
      ok: 'Fillers are under control; a short silent pause is still better than an "um".',
      high: 'Replace fillers with a short silent pause: it sounds more confident and gives you time to think.',
    },
    evidence: { r: -0.35, n: 70, data: MIT, supports: 'lower' },
  },
  hedgesPerMinute: {
    label: 'Hedges',
    unit: 'perMinute',
    definition: 'Softeners per minute of floor time: "I think", "I guess", "maybe", "probably", "just", "a bit"…',
    range: { high: 3, source: `${GUIDELINE}: about one hedge every 20 seconds or less.` },
    advice: {
      low: 'You state your points directly.',
      ok: 'You hedge only occasionally.',
      high: 'Drop "I think", "maybe" and "just" when describing your own work; state what you did plainly.',
    },
    info: 'Softeners such as "I think" and "maybe". Shown for information: in rated interviews hedging did not lower the rating.',
    evidence: { r: 0.12, n: 70, data: MIT, supports: 'none' },
  },
  repetitionsPerMinute: {
    label: 'Repetitions',
    unit: 'perMinute',
    definition: 'Immediate repeats of a word or phrase ("I I", "for the for the") per minute of floor time.',
    range: { high: 2, source: `${GUIDELINE}: repeats are normal in speech, but more than two a minute are noticeable.` },
    advice: {
      low: 'You rarely restart a phrase.',
      ok: 'Few restarts; your sentences come out cleanly.',
      high: 'You often restart phrases; pause and finish the thought in your head before you say it.',
    },
    info: 'Restarted words and phrases. Shown for information: in rated interviews they made no reliable difference.',
    evidence: { r: -0.09, n: 70, data: MIT, supports: 'none' },
  },
  vocabularyMattr: {
    label: 'Vocabulary',
    unit: 'share',
    definition: 'Share of distinct words in every 50-word window, averaged (moving-average type-token ratio, Covington & McFall 2010).',
    range: {
      low: 0.7,
      source:
        'Naim et al. 2015 (MIT interview study): more unique words went with higher ratings; the 0.70 floor is our guideline, just under the lowest interviewee (0.72) in the 11 transcripts we test on.',
    },
    advice: {
      low: 'You repeat the same words; name concrete tools, numbers and outcomes instead of general words.',
      ok: 'Your wording is varied.',
      high: 'Your wording is varied.',
    },
    evidence: { r: 0.27, n: 70, data: MIT, supports: 'higher' },
  },
  weRatio: {
    label: '"We" vs "I"',
    unit: 'share',
    definition: 'Share of "we/us/our" among first-person words ("I/me/my" and "we/us/our").',
    range: {
      low: 0.15,
      source:
        'Naim et al. 2015 link "we" to the Friendly rating, not Overall; here r = +0.20 with Overall, not significant. No floor is judged.',
    },
    advice: {
      low: 'Show teamwork: say "we" for team efforts, and keep "I" for your own decisions and results.',
      ok: 'You balance "we" for team work and "I" for your own part.',
      high: 'Make your own part clear: say "I" for the decisions and actions that were yours.',
    },
    info: 'How often you say "we" rather than "I". Shown for information: rated interviews give no reliable direction; use "we" for team work and "I" for your part.',
    evidence: { r: 0.2, n: 70, data: MIT, supports: 'none' },
  },
  silenceShare: {
    label: 'Silence while answering',
    unit: 'share',
    definition: 'Pauses of 1 s or more inside your turns ÷ the length of your turns.',
    range: {
      high: 0.25,
      source: `${GUIDELINE}: a quarter of your answer time in silence starts to read as hesitation. Naim et al. 2015 found longer pauses went with lower ratings; our rated transcripts have no pause times to check the line.`,
    },
    advice: {
      low: 'Your answers flow without long silences.',
      ok: 'You pause enough to think without losing the thread.',
      high: 'Long silences break your answers; outline answers to common questions (STAR) in advance.',
    },
  },
  longestMonologueSec: {
    label: 'Longest answer',
    unit: 'sec',
    definition: 'Your longest turn, from its first word to its last, before anyone else spoke.',
    range: {
      high: 150,
      source:
        'Interview coaching commonly advises answers of about 1–2 minutes; Gong Labs 2017 found top sales reps’ longest monologue ≈76 s, but a candidate is expected to hold the floor longer.',
    },
    advice: {
      low: 'Your answers are concise.',
      ok: 'Your answers stay within a listener’s attention span.',
      high: 'Your longest answer ran long; lead with the result, then give detail only if asked.',
    },
    info: 'Your longest turn. Shown for information: in rated interviews longer turns did not lower the rating; keep answers focused rather than short.',
    evidence: { r: 0.18, n: 70, data: MIT, supports: 'none' },
  },
  talkRatio: {
    label: 'Talk ratio',
    unit: 'share',
    definition: 'Your share of all speaking time (of all words, when the transcript has no times).',
    range: {
      low: 0.55,
      source:
        'Gong Labs 2017: ≈43% is best for a sales rep, whose job is to listen. A candidate is the one being assessed, so a larger share is expected; ' +
        'in the MIT mock interviews (Naim et al. 2015 data) interviewees held 75–93% of the words and the best-rated were among the highest, ' +
        'and the rating rises with the candidate’s share (r = +0.35 here), so only a low share is flagged: at least 55%.',
    },
    advice: {
      low: 'The interviewer did most of the talking; give fuller answers with a concrete example each.',
      ok: 'You carried the conversation without drowning out the interviewer.',
      high: 'You carried the conversation; check in ("Shall I go into more detail?") after long answers.',
    },
    evidence: { r: 0.35, n: 70, data: MIT, supports: 'higher' },
  },
  candidateQuestions: {
    label: 'Your questions',
    unit: 'count',
    definition: 'Question sentences you asked the interviewer.',
    range: {
      low: 1,
      source:
        'Common interview advice is to ask the interviewer two or three questions; Gong Labs 2017’s 11–14 questions are for sales calls and do not apply to candidates.',
    },
    advice: {
      low: 'Prepare two or three questions about the role or team to ask at the end.',
      ok: 'You asked the interviewer questions, which shows interest.',
      high: 'You asked the interviewer questions, which shows interest.',
    },
    info: 'Questions you asked the interviewer. Shown for information: common advice is to ask two or three, but rated interviews show no reliable difference.',
    evidence: { r: -0.04, n: 70, data: MIT, supports: 'none' },
  },
};
