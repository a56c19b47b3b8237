/**
 * Filler and word counting on the 11 real MIT mock-interview transcripts (Naim et al. 2015), against
 * the counts in testdata/manifest.tsv and mit_interview_stats.tsv. The text has no timings, so words get
 * synthetic ones; only text-level metrics are checked here.
 */
import { describe, expect, it } from '@jest/globals';
import { detectFillers } from '../../../services/analysis/metrics/fillers.js';
import { DEFAULT_FILLER_LEXICON, makeFillerLexicon } from '../../../services/analysis/metrics/filler-lexicon.js';
import { toTimeline } from '../../../services/analysis/metrics/timeline.js';
import { wordCount } from '../../../services/analysis/metrics/word-count.js';
import { analyzeTranscript } from '../../../services/analysis/analyze.js';
import type { Word } from '../../../services/transcripts/transcript.js';
import { mitTranscriptWords, readManifest, readMitStats } from './helpers/ground-truth.js';
import { transcript } from './helpers/synthetic.js';

const STRICT = makeFillerLexicon(['um', 'uh', 'er', 'ah', 'hmm', 'mm']);
const rows = readManifest().filter((r) => r.kind === 'transcript');
const stats = readMitStats();
const participant = (file: string) => /mit_interview_(\w+)\.txt$/.exec(file)![1]!;
const bySpeaker = (words: Word[], speaker: string) => words.filter((w) => w.speaker === speaker);
const fillers = (words: Word[], lexicon = STRICT) => detectFillers(toTimeline(words), lexicon);

describe('MIT interview transcripts', () => {
  it('has the 11 transcripts the README describes', () => {
    expect(rows).toHaveLength(11);
  });

  describe.each(rows.map((r) => [participant(r.file), r] as const))('%s', (id, row) => {
    const words = mitTranscriptWords(row.file);
    const s = stats.get(id)!;

    it('word count and strict filler count equal the manifest', () => {
      expect(wordCount(words)).toBe(row.wordCount);
      expect(fillers(words)).toHaveLength(row.fillerCount);
    });

    it('per-speaker words and strict fillers equal mit_interview_stats.tsv', () => {
      const interviewee = bySpeaker(words, 'Interviewee');
      expect(wordCount(interviewee)).toBe(Number(s.interviewee_words));
      expect(wordCount(bySpeaker(words, 'Interviewer'))).toBe(Number(s.interviewer_words));
      expect(fillers(interviewee)).toHaveLength(Number(s.interviewee_fillers));
      expect(fillers(bySpeaker(words, 'Interviewer'))).toHaveLength(Number(s.interviewer_fillers));
    });

    it('the v1 lexicon finds the strict fillers and more, "you know" once per phrase', () => {
      const interviewee = bySpeaker(words, 'Interviewee');
      const v1 = fillers(interviewee, DEFAULT_FILLER_LEXICON);
      expect(v1.length).toBeGreaterThanOrEqual(Number(s.interviewee_fillers));
      expect(v1.filter((f) => f.word === 'you know')).toHaveLength(Number(s.interviewee_you_know));
      expect(v1.some((f) => f.word === 'like')).toBe(false);
    });

    it('analyses the whole interview into a valid report', () => {
      const r = analyzeTranscript(transcript(words, words.at(-1)!.end), { interviewId: id, now: () => new Date(0) });
      expect(r.metrics.wordCount).toBe(row.wordCount);
      expect(r.metrics.fillers.count).toBe(fillers(words, DEFAULT_FILLER_LEXICON).length);
      expect(r.quality.speakers).toEqual(['Interviewer', 'Interviewee']);
    });
  });

  it('p4: the transcriber wrote "uhm"/"umm"/"uhh", so v1 finds far more than the strict list', () => {
    const words = bySpeaker(mitTranscriptWords('transcripts/mit_interview_p4.txt'), 'Interviewee');
    expect(fillers(words)).toHaveLength(1);
    expect(fillers(words, DEFAULT_FILLER_LEXICON).length).toBeGreaterThan(20);
  });
});
