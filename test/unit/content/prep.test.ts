import { describe, expect, it } from '@jest/globals';
import { keywords } from '../../../services/analysis/content/keywords.js';
import { matchPrepPoints, parsePrepNotes } from '../../../services/analysis/content/prep.js';

describe('parsePrepNotes', () => {
  it('takes bulleted and numbered lines, markers removed', () => {
    expect(parsePrepNotes('Points:\n- one\n* two\n• three\n1. four\n2) five\n(6) six\nplain line')).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
  });
  it('falls back to one point per non-empty line', () => expect(parsePrepNotes('alpha\n\n beta \n---')).toEqual(['alpha', 'beta']));
  it('is empty for empty notes', () => expect(parsePrepNotes('  \n')).toEqual([]));
});

describe('keywords', () => {
  it('lemmatises, stems and drops stop words and fillers', () => {
    expect(keywords('um I migrated the databases')).toEqual(keywords('database migration'));
  });
  it('folds synonyms-lite: cut/reduction/decrease are one idea', () => {
    const k = [...keywords('cut')][0];
    expect([...keywords('reduction')]).toEqual([k]);
    expect([...keywords('decreased')]).toEqual([k]);
  });
  it('keeps numbers', () => expect(keywords('saved 10 hours').has('10')).toBe(true));
});

describe('matchPrepPoints', () => {
  const said = ['At Acme I led the database migration.', 'We cut costs by a third.', 'I also like hiking.'];
  it('covered when most keywords are said, with the best sentence as evidence', () => {
    expect(matchPrepPoints(['Led the database migration'], said)).toEqual([
      { point: 'Led the database migration', status: 'covered', evidence: said[0] },
    ]);
  });
  it('matches across a few consecutive sentences and through synonyms', () => {
    expect(matchPrepPoints(['Migration reduced costs'], said)[0]?.status).toBe('covered');
  });
  it('partial when some keywords are said', () => {
    expect(matchPrepPoints(['Hiking and climbing and skiing'], said)[0]).toEqual({ point: 'Hiking and climbing and skiing', status: 'partial', evidence: said[2] });
  });
  it('missed without evidence when nothing matches', () => {
    expect(matchPrepPoints(['Mentoring juniors'], said)).toEqual([{ point: 'Mentoring juniors', status: 'missed' }]);
  });
  it('a point with no content words, or no speech, is missed', () => {
    expect(matchPrepPoints(['the and of'], said)[0]?.status).toBe('missed');
    expect(matchPrepPoints(['Led the migration'], [])[0]?.status).toBe('missed');
  });
});
