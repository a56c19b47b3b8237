import { describe, expect, it } from '@jest/globals';
import type { Star } from '../../../services/analysis/content/content.schema.js';
import type { TipFacts } from '../../../services/analysis/content/tips.js';
import { answerTip, overallTips, tipKind } from '../../../services/analysis/content/tips.js';

const part = (present: boolean) => (present ? { present, evidence: 'x' } : { present });
const star = (s: boolean, t: boolean, a: boolean, r: boolean): Star => ({ situation: part(s), task: part(t), action: part(a), result: part(r) });
type Verdict = 'short' | 'ok' | 'long';
const facts = ({ verdict = 'ok', ...over }: Partial<TipFacts> & { verdict?: Verdict | null } = {}): TipFacts => ({
  kind: 'behavioural',
  star: star(true, true, true, true),
  ...(verdict === null ? {} : { length: { verdict, recommendedSec: over.kind === 'technical' ? [15, 60] : [60, 120] } }),
  teamAction: true,
  asksBack: false,
  ...over,
});
const none = star(false, false, false, false);

describe('tipKind priority', () => {
  it.each([
    [facts({ star: star(true, true, false, true), teamAction: false }), 'noAction'],
    [facts({ star: star(true, true, true, false), verdict: 'long' }), 'noResult'],
    [facts({ verdict: 'long' }), 'long'],
    [facts({ star: star(true, true, false, true) }), 'weOnly'],
    [facts({ star: star(false, true, true, true) }), 'noSituation'],
    [facts({ star: star(true, false, true, true) }), 'noTask'],
    [facts({ verdict: 'short' }), 'short'],
    [facts(), 'good'],
    [facts({ kind: 'technical', star: none, verdict: 'ok' }), 'good'],
    [facts({ kind: 'introduction', star: none, verdict: 'long' }), 'long'],
    [facts({ kind: 'motivation', star: none, verdict: 'short' }), 'short'],
    [facts({ kind: 'strengths_weaknesses', star: none, verdict: null }), 'good'],
    [facts({ kind: 'candidate_questions', star: none, verdict: null, asksBack: false }), 'noQuestions'],
    [facts({ kind: 'candidate_questions', star: none, verdict: null, asksBack: true }), 'good'],
    [facts({ star: star(true, true, true, true), verdict: null }), 'good'],
    [facts({ star: star(false, true, true, true), verdict: null }), 'noSituation'],
  ] as const)('%#: %s', (f, kind) => expect(tipKind(f)).toBe(kind));
});

describe('answerTip', () => {
  it('a result not heard is said as what we did not hear, not as a fault (STAR is evidence, not a grade)', () => {
    expect(answerTip(facts({ star: star(true, true, true, false) }))).toMatch(/^We did not hear how this story ended; if there was an outcome, close with it/);
    expect(answerTip(facts({ star: star(false, true, true, true) }))).toMatch(/^We did not hear where or when/);
  });
  it('too long names the recommended range', () => expect(answerTip(facts({ verdict: 'long' }))).toMatch(/60–120 s/));
  it('length tips follow the kind of question', () => {
    expect(answerTip(facts({ kind: 'introduction', star: none, verdict: 'long' }))).toBe('Trim this to about 60–120 s: what you do now, what led you here, and what you want next.');
    expect(answerTip(facts({ kind: 'technical', star: none, verdict: 'short' }))).toBe('Expand to at least 15 s: the direct answer first, then one reason or example.');
  });
  it('STAR tips only when a story is expected', () => {
    for (const kind of ['introduction', 'strengths_weaknesses', 'motivation', 'technical'] as const) {
      expect(answerTip(facts({ kind, star: none }))).not.toMatch(/STAR|result|context|"I"/);
    }
  });
  it('without word times no tip talks about seconds', () => {
    for (const kind of ['introduction', 'behavioural', 'strengths_weaknesses', 'motivation', 'technical', 'candidate_questions'] as const) {
      for (const s of [none, star(true, true, true, true), star(true, true, true, false)]) expect(answerTip(facts({ kind, star: s, verdict: null }))).not.toMatch(/\d+\s*s\b|second|minute/);
    }
  });
  it('no "I" actions asks for the candidate\'s own contribution', () => {
    expect(answerTip(facts({ star: star(true, true, false, true) }))).toMatch(/your own contribution/);
  });
});

describe('overallTips', () => {
  it('always returns exactly three distinct tips', () => {
    for (const kinds of [[], ['good'], ['noResult', 'noResult', 'long']] as const) {
      const tips = overallTips(kinds, undefined);
      expect(tips).toHaveLength(3);
      expect(new Set(tips).size).toBe(3);
    }
  });
  it('ranks by priority weighted by how many answers it applies to', () => {
    const tips = overallTips(['short', 'short', 'short', 'short', 'short', 'short', 'noResult'], undefined);
    expect(tips[0]).toMatch(/^6 of 7 answers were short/);
    expect(tips[1]).toMatch(/^In 1 of 7 answers we did not hear how the story ended/);
  });
  it('names missed prep points', () => {
    const tips = overallTips(['good'], [{ point: 'Mentoring', status: 'missed' }, { point: 'Go', status: 'covered' }]);
    expect(tips[0]).toBe('You planned to mention "Mentoring" but did not: work them into a relevant answer.');
  });
});
