import { describe, expect, it } from '@jest/globals';
import { coverageShare, judgeCoverage, ownDeed, quoteAround, QUOTE_WORDS } from '../../../services/analysis/job/coverage.js';
import { extractCompetencies } from '../../../services/analysis/job/extract.js';
import { leadWithTip, missedTip } from '../../../services/analysis/job/job-report.js';

const job = (text: string) => extractCompetencies(text).competencies;
const LEAD_AND_ONCALL = 'Lead projects end to end.\nJoin the on-call rotation and handle incident response.\nCollaborate with your team.';

describe('judgeCoverage', () => {
  it('covered with a first-person sentence, verbatim, and the answers that show it', () => {
    const answers = [
      { text: 'I study physics.', kind: 'introduction' },
      { text: 'Last spring I led a team of six students. We shipped the app in May.', kind: 'behavioural' },
    ];
    const r = judgeCoverage(job(LEAD_AND_ONCALL), answers);
    const lead = r.competencies.find((c) => c.id === 'leadership')!;
    expect(lead).toMatchObject({ status: 'covered', evidence: 'Last spring I led a team of six students.', answers: [1] });
    expect(answers[1]!.text).toContain(lead.evidence!);
  });

  it('partial when only "we" did it; missed when never shown (no evidence, no answers)', () => {
    const r = judgeCoverage(job(LEAD_AND_ONCALL), [{ text: 'Our site went down and we worked together to fix the outage.', kind: 'behavioural' }]);
    const by = new Map(r.competencies.map((c) => [c.id, c]));
    expect(by.get('incident-response')).toMatchObject({ status: 'partial', answers: [0] });
    expect(by.get('teamwork')!.status).toBe('partial');
    expect(by.get('leadership')).toEqual({ id: 'leadership', name: 'Leadership', kind: 'behaviour', source: 'Lead projects end to end.', status: 'missed' });
    expect(r.coverage).toBeCloseTo((0 + 0.5 + 0.5) / 3, 3);
  });

  it('does not count negations or the candidate\'s own questions', () => {
    const r = judgeCoverage(job(LEAD_AND_ONCALL), [
      { text: 'I have never led anything.', kind: 'behavioural' },
      { text: 'How does your on-call rotation work?', kind: 'candidate_questions' },
      { text: 'Is there an incident response process?', kind: 'technical' },
    ]);
    expect(r.competencies.every((c) => c.status === 'missed')).toBe(true);
  });

  it('uses sentences outside answers when there are none', () => {
    const r = judgeCoverage(job(LEAD_AND_ONCALL), [], ['I was the captain of the chess club.', 'I led its weekly practice.']);
    const lead = r.competencies.find((c) => c.id === 'leadership')!;
    expect(lead.status).toBe('covered');
    expect(lead.answers).toBeUndefined();
  });

  it('cuts a long unpunctuated sentence to a verbatim window around the match', () => {
    const long = `${'and then we went on '.repeat(20)}so I led the  whole group through it ${'and so on '.repeat(20)}`.trim();
    const q = quoteAround(long, 'i');
    expect(long).toContain(q);
    expect(q.split(/\s+/).length).toBeLessThanOrEqual(QUOTE_WORDS);
    expect(q).toContain('I led the  whole group');
  });
});

describe('ownDeed', () => {
  it('tells a deed from a claim, a role, a plan or the team', () => {
    for (const deed of ['I led the team.', 'so I basically set up a group text', 'I individually spearhead the auction every year', "I've organized three events.", 'What I did was call everyone.', 'I sort of took the helm'])
      expect([deed, ownDeed(deed)]).toEqual([deed, true]);
    for (const claim of ["I'm a leader.", 'I learn really quickly.', 'I would be very committed.', 'I was the vice president.', 'I have trouble meeting deadlines.', 'We fixed the outage.', 'I think I am organized.', "I'm working on it."])
      expect([claim, ownDeed(claim)]).toEqual([claim, false]);
  });

  it('counts the answer to a question that names the competency', () => {
    const r = judgeCoverage(job(LEAD_AND_ONCALL), [{
      question: 'Tell me about a time you demonstrated leadership.',
      text: 'Last year our robotics club had no money for the trip. I wrote to ten local companies and two sponsored us. We went to the finals.',
      kind: 'behavioural',
      star: { action: { present: true, evidence: 'I wrote to ten local companies and two sponsored us.' } },
    }]);
    expect(r.competencies.find((c) => c.id === 'leadership')).toMatchObject({ status: 'covered', evidence: 'I wrote to ten local companies and two sponsored us.', answers: [0] });
  });
});

describe('coverage share and tips', () => {
  it('counts partial as half', () => {
    expect(coverageShare([{ status: 'covered' }, { status: 'partial' }, { status: 'missed' }, { status: 'missed' }])).toBe(0.375);
    expect(coverageShare([])).toBe(0);
  });

  it('puts the missed-competency tip first and keeps three tips', () => {
    const tip = missedTip({ name: 'Incident response', source: 'Join the on-call rotation.' });
    expect(tip).toMatch(/^The job asks for incident response \("Join the on-call rotation\."\)/);
    expect(leadWithTip(['a', 'b', 'c'], tip)).toEqual([tip, 'a', 'b']);
    expect(leadWithTip(['a', 'b', 'c'], undefined)).toEqual(['a', 'b', 'c']);
  });
});
