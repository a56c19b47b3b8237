/**
 * The 11 real MIT mock-interview transcripts (Naim et al. 2015) against testdata/manifest.tsv and
 * mit_interview_stats.tsv. The text has no timings, so words get synthetic ones (0.3 s each, no gap
 * inside a line, 1.5 s between lines): speaking time is then proportional to words, and the talk ratio
 * by time must equal the README's word share. The words are the product's reading of the text
 * (eval/mit/lines.ts), which merges a misspelt label the counts take literally: those counts are
 * corrected by MIT_LABEL_TYPO_COUNTS (pp25).
 */
import { describe, expect, it } from '@jest/globals';
import { analyzeTranscript } from '../../../services/analysis/analyze.js';
import { detectFillers } from '../../../services/analysis/metrics/fillers.js';
import { DEFAULT_FILLER_LEXICON, makeFillerLexicon } from '../../../services/analysis/metrics/filler-lexicon.js';
import { askedQuestions } from '../../../services/analysis/questions/asked.js';
import { toTimeline } from '../../../services/analysis/metrics/timeline.js';
import { wordCount } from '../../../services/analysis/metrics/word-count.js';
import { HESITATIONS } from '../../../services/analysis/metrics/word-sets.js';
import type { Word } from '../../../services/transcripts/transcript.js';
import { mitTranscriptWords, readManifest, readMitStats } from '../../../eval/ground-truth.js';
import { transcript } from './helpers/synthetic.js';
import { backChannelRegexHits, strictAgreement } from '../../../eval/strict-agreement.js';
import { MIT_LABEL_TYPO_COUNTS } from '../../../eval/testdata-corrections.js';

const STRICT = makeFillerLexicon(['um', 'uh', 'er', 'ah', 'hmm', 'mm']);
const rows = readManifest().filter((r) => r.kind === 'transcript');
const stats = readMitStats();
/** A manifest or stats count as the product reads the transcript (testdata-corrections.ts). */
const counted = (id: string, column: string, value: string | number): number => Number(value) + (MIT_LABEL_TYPO_COUNTS[id]?.[column] ?? 0);
const participant = (file: string) => /mit_interview_(\w+)\.txt$/.exec(file)![1]!;
const bySpeaker = (words: Word[], speaker: string) => words.filter((w) => w.speaker === speaker);
const fillers = (words: Word[], lexicon = STRICT) => detectFillers(toTimeline(words), lexicon);
/**
 * The manifest's strict counts minus the regex hits inside hyphenated back-channels ("Mm-hmm" is
 * "mm" + "hmm" to the regex): those are a listener's "go on", not hesitations, and no lexicon counts
 * them (word-sets.ts `isBackChannel`, eval/strict-agreement.ts `backChannelRegexHits`).
 */
const strictExpected = (count: number, words: Word[]) => count - backChannelRegexHits(words.map((w) => w.text).join(' '));

describe('MIT interview transcripts', () => {
  it('has the 11 transcripts the README describes', () => {
    expect(rows).toHaveLength(11);
  });

  describe.each(rows.map((r) => [participant(r.file), r] as const))('%s', (id, row) => {
    const words = mitTranscriptWords(row.file, { wordSec: 0.3, gapSec: 0 });
    const raw = stats.get(id)!;
    const s = (column: string): number => counted(id, column, raw[column]!);
    const [eeWords, erWords] = [s('interviewee_words'), s('interviewer_words')];
    const wordShare = MIT_LABEL_TYPO_COUNTS[id] ? eeWords / (eeWords + erWords) : Number(raw.interviewee_word_share);
    const report = analyzeTranscript(transcript(words, words.at(-1)!.end), { interviewId: id, now: () => new Date(0) });
    const m = report.metrics;

    it('word count and strict filler count equal the manifest', () => {
      expect(wordCount(words)).toBe(counted(id, 'word_count', row.wordCount));
      expect(fillers(words)).toHaveLength(strictExpected(row.fillerCount, words));
    });

    it('per-speaker words and strict fillers equal mit_interview_stats.tsv', () => {
      expect(wordCount(bySpeaker(words, 'Interviewee'))).toBe(eeWords);
      expect(wordCount(bySpeaker(words, 'Interviewer'))).toBe(erWords);
      const [ee, er] = [bySpeaker(words, 'Interviewee'), bySpeaker(words, 'Interviewer')];
      expect(fillers(ee)).toHaveLength(strictExpected(s('interviewee_fillers'), ee));
      expect(fillers(er)).toHaveLength(strictExpected(s('interviewer_fillers'), er));
    });

    it('chooses the interviewee as the candidate automatically', () => {
      expect(report.speakers.map((x) => [x.id, x.role])).toEqual([['Interviewer', 'interviewer'], ['Interviewee', 'candidate']]);
      expect(m.wordCount).toBe(eeWords);
    });

    it('talk ratio by words and by time equal interviewee_word_share', () => {
      expect(m.talkRatioByWords).toBeCloseTo(wordShare, 3);
      expect(m.talkRatio).toBeCloseTo(wordShare, 3);
    });

    it('counts the five protocol questions the interviewer asks, with or without "?", and not the small talk', () => {
      const asked = askedQuestions(toTimeline(words)).filter((q) => q.speaker === 'Interviewer');
      expect(asked.length).toBeGreaterThanOrEqual(5);
      expect(asked.filter((q) => /how are you|how you doin/i.test(q.text))).toEqual([]);
      expect(m.questionsAsked.find((q) => q.speaker === 'Interviewer')!.count).toBe(asked.length);
    });

    it('"you know" equals the raw count (every one in these transcripts is a filler); filler "like" ≤ raw "like"', () => {
      expect(m.fillers.items.filter((f) => f.word === 'you know')).toHaveLength(s('interviewee_you_know'));
      expect(m.fillers.items.filter((f) => f.word === 'like').length).toBeLessThanOrEqual(s('interviewee_like_raw'));
    });

    it('agrees with the strict regex on every token it covers (precision and recall 1)', () => {
      const a = strictAgreement(bySpeaker(words, 'Interviewee'));
      expect(a).toMatchObject({ falsePositives: 0, falseNegatives: 0 });
      expect(a.truePositives).toBe(strictExpected(s('interviewee_fillers'), bySpeaker(words, 'Interviewee')));
    });

    it('counts hesitation spellings the strict regex misses, within the broad variant count', () => {
      const hes = m.fillers.items.filter((f) => HESITATIONS.has(f.word)).length;
      expect(hes).toBeGreaterThanOrEqual(s('interviewee_fillers'));
      // The broad regex also counts the back-channels "mhm"/"uh-huh", which are not fillers.
      expect(hes).toBeLessThanOrEqual(s('interviewee_filler_variants'));
    });
  });

  it('back-channels: only p10\'s interviewer says "Mm-hmm." (7 times, 14 regex hits); the strict count drops them', () => {
    const hits = rows.map((r) => [participant(r.file), backChannelRegexHits(mitTranscriptWords(r.file).map((w) => w.text).join(' '))]);
    expect(hits.filter(([, n]) => n !== 0)).toEqual([['p10', 14]]);
    const er = bySpeaker(mitTranscriptWords('transcripts/mit_interview_p10.txt'), 'Interviewer');
    expect(Number(stats.get('p10')!.interviewer_fillers)).toBe(15);
    expect(fillers(er)).toHaveLength(1);
    expect(fillers(er, DEFAULT_FILLER_LEXICON).filter((f) => f.word === 'mm' || f.word === 'hmm')).toEqual([]);
  });

  it('p4: the transcriber wrote "uhm"/"umm"/"uhh", so v2 finds far more than the strict list', () => {
    const words = bySpeaker(mitTranscriptWords('transcripts/mit_interview_p4.txt'), 'Interviewee');
    expect(fillers(words)).toHaveLength(1);
    expect(fillers(words, DEFAULT_FILLER_LEXICON).length).toBeGreaterThan(60);
  });
});
