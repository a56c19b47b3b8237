/**
 * Question detection on the MIT training split, measured as `npm run eval -- --only questions` does
 * (eval/sections/questions.ts): every hand-labelled transcript in test/fixtures/labelled/mit-train
 * through the CLI's path (untimed text → parseTranscriptFile → buildReport). The acceptance check on
 * the held-out interviews needs ≥ 95% of the protocol questions found as answers; the training
 * figures when the detector was written: protocol recall 0.997, precision 0.992, recall 0.989 (70
 * transcripts). Skipped without the shared testdata.
 */
import { describe, expect, it } from '@jest/globals';
import { measureQuestions, readQuestionLabels, type QuestionsMeasure } from '../../../eval/sections/questions.js';
import { hasTestdata } from '../../helpers/testdata.js';

const labelled = hasTestdata() ? readQuestionLabels().length : 0;

(labelled > 0 ? describe : describe.skip)(`question detection on ${labelled} labelled MIT training transcripts`, () => {
  let m: QuestionsMeasure;
  it('runs every labelled transcript through the CLI path', async () => {
    m = await measureQuestions();
    expect(m.transcripts).toBe(labelled);
  }, 120_000);
  it('finds ≥ 95% of the protocol questions as answers', () => expect(m.protocolRecall).toBeGreaterThanOrEqual(0.95));
  it('question precision ≥ 0.85 and recall ≥ 0.9', () => {
    expect(m.precision).toBeGreaterThanOrEqual(0.85);
    expect(m.recall).toBeGreaterThanOrEqual(0.9);
  });
  it('chooses the Interviewee as the candidate in every transcript', () => expect(m.candidateOk).toBe(m.transcripts));
  it('reads at most a couple of small-talk or logistics lines as questions', () => {
    expect((m.wronglyAsked['small-talk'] ?? 0) + (m.wronglyAsked['back-channel'] ?? 0)).toBe(0);
    expect(m.wronglyAsked['logistics'] ?? 0).toBeLessThanOrEqual(Math.ceil(m.transcripts / 20));
  });
  it('kind accuracy ≥ 0.9', () => expect(m.kindAccuracy).toBeGreaterThanOrEqual(0.9));
});
