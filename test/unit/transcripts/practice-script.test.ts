/**
 * A live practice's questions put back into its transcript: interviewer turns at their marks, taking
 * no time, before the user's words that follow; the one question detector then finds each question,
 * and the general set's questions are inferred as the kind the set gives them.
 */
import { describe, expect, it } from '@jest/globals';
import { generalQuestionSet } from '../../../services/analysis/job/question-set.js';
import { questionKind } from '../../../services/analysis/questions/kind.js';
import { askedQuestions } from '../../../services/analysis/questions/asked.js';
import { toTimeline } from '../../../services/analysis/metrics/timeline.js';
import { PRACTICE_CANDIDATE, PRACTICE_INTERVIEWER, practiceTranscript, withPracticeScript } from '../../../services/transcripts/practice-script.js';
import type { Transcript, Word } from '../../../services/transcripts/transcript.js';

const said = (text: string, from: number, step = 0.4): Word[] => text.split(' ').map((t, i) => ({ text: t, start: from + i * step, end: from + i * step + 0.3 }));
const SCRIPT = {
  questions: [{ text: 'Tell me about yourself.', kind: 'introduction' }, { text: 'Why do you want this job?', kind: 'motivation' }],
  marks: [{ index: 0, atSec: 0 }, { index: 1, atSec: 5 }],
};

describe('withPracticeScript', () => {
  it('puts each question at its mark, instantaneous, before the words that start at or after it', () => {
    const words = [...said('I am a developer', 0.5), ...said('Because I like it', 5.2)];
    const out = withPracticeScript(words, SCRIPT);
    expect(out.map((w) => `${w.speaker === PRACTICE_INTERVIEWER ? 'Q' : 'A'}:${w.text}`)).toEqual([
      'Q:Tell', 'Q:me', 'Q:about', 'Q:yourself.', 'A:I', 'A:am', 'A:a', 'A:developer', 'Q:Why', 'Q:do', 'Q:you', 'Q:want', 'Q:this', 'Q:job?', 'A:Because', 'A:I', 'A:like', 'A:it',
    ]);
    expect(out.filter((w) => w.speaker === PRACTICE_INTERVIEWER).every((w) => w.end === w.start)).toBe(true);
    expect(out.slice(8, 14).every((w) => w.start === 5)).toBe(true);
    expect(out.filter((w) => w.speaker !== PRACTICE_INTERVIEWER).every((w) => w.speaker === PRACTICE_CANDIDATE)).toBe(true);
  });

  it('a mark inside a word waits for its end, so times stay sorted; unknown questions and bad marks are skipped', () => {
    const words = said('one two three', 4.5, 0.4); // "two" spans 4.9–5.2
    const out = withPracticeScript(words, { ...SCRIPT, marks: [...SCRIPT.marks, { index: 7, atSec: 6 }, { index: 0, atSec: Number.NaN }] });
    const why = out.find((w) => w.text === 'Why')!;
    expect(why.start).toBeCloseTo(5.2); // "two" started before the mark: the question follows its end
    expect(out.map((w) => w.text).join(' ')).toBe('Tell me about yourself. one two Why do you want this job? three');
    expect(out.map((w) => w.start)).toEqual([...out.map((w) => w.start)].sort((a, b) => a - b));
    expect(out.filter((w) => w.speaker === PRACTICE_INTERVIEWER)).toHaveLength(4 + 6);
  });

  it('the question detector finds every practised question, asked by the interviewer', () => {
    const words = [...said('I build web apps and lead a small team', 1), ...said('I want to work on products people use every day', 6)];
    const asked = askedQuestions(toTimeline(withPracticeScript(words, SCRIPT)));
    expect(asked.map((q) => [q.speaker, q.text])).toEqual([
      [PRACTICE_INTERVIEWER, 'Tell me about yourself.'],
      [PRACTICE_INTERVIEWER, 'Why do you want this job?'],
    ]);
  });
});

describe('practiceTranscript', () => {
  const heard: Transcript = { engine: 'local', durationSec: 10, words: said('I build things', 1), text: 'I build things', diarized: false, speakerStats: [{ speaker: 'x', seconds: 1, confidence: 1 }] };

  it('labels the one voice the candidate and adds the questions, with the text to match', () => {
    const t = practiceTranscript(heard, SCRIPT);
    expect(t.text).toBe('Tell me about yourself. I build things Why do you want this job?');
    expect(t).toMatchObject({ engine: 'local', durationSec: 10, diarized: true });
    expect(t.speakerStats).toBeUndefined();
    expect(practiceTranscript(heard, undefined).words.map((w) => w.speaker)).toEqual([PRACTICE_CANDIDATE, PRACTICE_CANDIDATE, PRACTICE_CANDIDATE]);
  });

  it('nothing heard stays nothing heard', () => {
    const empty: Transcript = { engine: 'local', durationSec: 3, words: [], text: '' };
    expect(practiceTranscript(empty, SCRIPT)).toBe(empty);
  });
});

describe('question kinds of the general set', () => {
  it('are what the text alone infers, so the report judges each answer as the set meant', () => {
    for (const q of generalQuestionSet().questions) expect([q.text, questionKind(q.text)]).toEqual([q.text, q.kind]);
  });
});
