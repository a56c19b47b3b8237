/** The team's data files: the vocabulary and the question bank stay valid and consistent. */
import { describe, expect, it } from '@jest/globals';
import vocabularyJson from '../../../services/analysis/job/data/competencies.json' with { type: 'json' };
import { VocabularySchema, vocabulary } from '../../../services/analysis/job/vocabulary.js';
import { questionBank } from '../../../services/analysis/job/question-set.js';
import { QUESTION_KINDS } from '../../../services/analysis/questions/kind.js';

describe('competency vocabulary', () => {
  it('has 60–120 valid entries of each kind, unique ids', () => {
    const entries = VocabularySchema.parse(vocabularyJson);
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(entries.length).toBeLessThanOrEqual(120);
    for (const kind of ['skill', 'responsibility', 'behaviour']) expect(entries.filter((e) => e.kind === kind).length).toBeGreaterThan(15);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('rejects a duplicate id', () => {
    const e = { id: 'x', name: 'X', kind: 'skill', synonyms: ['x'] };
    expect(VocabularySchema.safeParse([e, e]).success).toBe(false);
  });

  it('compiles every synonym to at least one token', () => {
    const v = vocabulary();
    const owners = new Set(v.posting.phrases.map((p) => p.owner));
    for (const e of v.entries) expect([e.id, owners.has(e.id)]).toEqual([e.id, true]);
  });
});

describe('question bank', () => {
  const bank = questionBank();
  const ids = new Set(vocabulary().entries.map((e) => e.id));

  it('has at least 150 questions with valid kinds and vocabulary ids, unique ids', () => {
    expect(bank.length).toBeGreaterThanOrEqual(150);
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    for (const q of bank) {
      expect(QUESTION_KINDS).toContain(q.kind);
      for (const c of q.competencies) expect([q.id, c, ids.has(c)]).toEqual([q.id, c, true]);
    }
    for (const kind of QUESTION_KINDS) expect(bank.some((q) => q.kind === kind)).toBe(true);
  });

  it('asks about every competency of the vocabulary', () => {
    const asked = new Set(bank.flatMap((q) => q.competencies));
    expect([...ids].filter((id) => !asked.has(id))).toEqual([]);
  });
});
