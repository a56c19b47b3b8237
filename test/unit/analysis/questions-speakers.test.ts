import { describe, expect, it } from '@jest/globals';
import { InvalidTranscriptError } from '../../../services/analysis/errors.js';
import { askedQuestions } from '../../../services/analysis/questions/asked.js';
import { SINGLE_SPEAKER_ID, chooseCandidate, labelSpeakers, speakerFacts } from '../../../services/analysis/speakers.js';
import type { Word } from '../../../services/transcripts/transcript.js';
import { tl, word, wordsFromText } from './helpers/synthetic.js';

const qs = (text: string) => askedQuestions(tl(...wordsFromText(text))).length;

describe('asked questions (one per asking turn)', () => {
  it.each([
    ['So tell me about yourself.', 1],
    ['Talk about yourself.', 1],
    ['Can you tell me one of your weaknesses and what you are doing to overcome it.', 1],
    ['ok great what are your career goals', 1],
    ['Do you have any questions for me', 1],
    ['Is there anything else. Describe a conflict. Walk me through your CV', 1],
    ['It was late, right?', 1],
    ['How are you doing today?', 0],
    ['Could I get you to scoot over a little bit?', 0],
    ['Really?', 0],
    ['Great. Ok.', 0],
    ['What I did was build a pipeline.', 0],
    ['When we started the project it was late.', 0],
    ['I led the team. It went well.', 0],
    ['Which is why I applied.', 0],
  ])('"%s" asks %i', (text, n) => {
    expect(qs(text)).toBe(n);
  });

  it('numbers turns as metrics/turns.ts does and keeps each asking turn’s speaker, start and text', () => {
    const t = tl(
      ...wordsFromText('Hi there. How are you?', {}, 'A'),
      ...wordsFromText('Fine thanks', { startSec: 10 }, 'B'),
      ...wordsFromText('Great. Tell me about yourself.', { startSec: 20 }, 'A'),
    );
    expect(askedQuestions(t)).toEqual([{ turn: 2, speaker: 'A', start: t.words[8]!.start, text: 'Tell me about yourself.' }]);
  });

  it('a rhetorical question in the middle of a long turn is not asked', () => {
    expect(qs('And what did I do? I called every vendor on the list and asked them to send us their test reports before Friday so we could compare.')).toBe(0);
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
    const f = speakerFacts(['I', 'C'], new Map(), ['I', 'C', 'I'], [4, 10, 1], askedQuestions(t));
    expect(f.map((x) => [x.id, x.words, x.answerWords])).toEqual([['I', 5, 1], ['C', 10, 10]]);
  });
});
