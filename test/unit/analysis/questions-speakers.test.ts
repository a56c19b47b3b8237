import { describe, expect, it } from '@jest/globals';
import { InvalidTranscriptError } from '../../../services/analysis/errors.js';
import { questionSentences, sentences } from '../../../services/analysis/metrics/questions.js';
import { tokenStream } from '../../../services/analysis/metrics/token-stream.js';
import { SINGLE_SPEAKER_ID, chooseCandidate, labelSpeakers, speakerFacts } from '../../../services/analysis/speakers.js';
import type { Word } from '../../../services/transcripts/transcript.js';
import { tl, word, wordsFromText } from './helpers/synthetic.js';

const qs = (text: string) => questionSentences(tokenStream(tl(...wordsFromText(text))).toks).length;

describe('question sentences', () => {
  it.each([
    ['How are you doing today?', 1],
    ['So tell me about yourself.', 1],
    ['ok great what are your career goals', 1],
    ['Do you have any questions for me', 1],
    ['Is there anything else. Describe a conflict. Walk me through your CV', 3],
    ['Great. Ok.', 0],
    ['What I did was build a pipeline.', 0],
    ['When we started the project it was late.', 0],
    ['I led the team. It went well.', 0],
    ['Which is why I applied.', 0],
    ['It was late, right?', 1],
  ])('"%s" has %i', (text, n) => {
    expect(qs(text)).toBe(n);
  });

  it('splits sentences at end punctuation and at a change of speaker', () => {
    const t = tl(...wordsFromText('Hi there. How are', {}, 'A'), ...wordsFromText('fine thanks', { startSec: 10 }, 'B'));
    expect(sentences(tokenStream(t).toks).map((s) => [s.speaker, s.to - s.from])).toEqual([['A', 2], ['A', 2], ['B', 2]]);
  });
});

describe('labelSpeakers', () => {
  it('gives an unlabelled transcript one speaker and says so', () => {
    const r = labelSpeakers(wordsFromText('hello there'));
    expect(r.assumedSingleSpeaker).toBe(true);
    expect(r.words.map((w) => w.speaker)).toEqual([SINGLE_SPEAKER_ID, SINGLE_SPEAKER_ID]);
  });

  it('gives a stray unlabelled word the surrounding turn’s speaker', () => {
    const words: Word[] = [word('a', 0, 1), word('b', 1, 2, { speaker: 'A' }), word('c', 2, 3), word('d', 3, 4, { speaker: 'B' })];
    const r = labelSpeakers(words);
    expect(r.words.map((w) => w.speaker)).toEqual(['A', 'A', 'A', 'B']);
    expect(r).toMatchObject({ assumedSingleSpeaker: false, inherited: 2 });
  });
});

describe('chooseCandidate', () => {
  const facts = (answerA: number, answerB: number, talkA = 10, talkB = 10) => [
    { id: 'A', talkSec: talkA, words: 0, answerWords: answerA },
    { id: 'B', talkSec: talkB, words: 0, answerWords: answerB },
  ];

  it('picks the speaker who answers the questions, even when the other talks more', () => {
    expect(chooseCandidate(facts(5, 50, 100, 20))).toBe('B');
  });

  it('falls back to talk time when nobody asked a question, then to the first speaker', () => {
    expect(chooseCandidate(facts(0, 0, 10, 30))).toBe('B');
    expect(chooseCandidate(facts(0, 0))).toBe('A');
  });

  it('honours the override and rejects an unknown speaker with a typed error', () => {
    expect(chooseCandidate(facts(0, 50), 'A')).toBe('A');
    expect(() => chooseCandidate(facts(0, 50), 'Z')).toThrow(InvalidTranscriptError);
  });

  it('speakerFacts counts the words of the turn right after another speaker’s question', () => {
    const t = tl(
      ...wordsFromText('What do you do?', {}, 'I'),
      ...wordsFromText('I build compilers for a living', { startSec: 5 }, 'C'),
      ...wordsFromText('Any questions for me?', { startSec: 10 }, 'C'),
      ...wordsFromText('Sure', { startSec: 15 }, 'I'),
    );
    const s = tokenStream(t);
    const f = speakerFacts(['I', 'C'], new Map(), ['I', 'C', 'I'], [4, 10, 1], questionSentences(s.toks));
    expect(f.map((x) => [x.id, x.words, x.answerWords])).toEqual([['I', 5, 1], ['C', 10, 10]]);
  });
});
