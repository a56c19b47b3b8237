import { describe, expect, it } from '@jest/globals';
import { extractCompetencies, postingSentences, stopWordShare } from '../../../services/analysis/job/extract.js';
import { INTERN_JOB } from './fixtures.js';

const ids = (text: string) => extractCompetencies(text).competencies.map((c) => c.id);

describe('extractCompetencies', () => {
  it('finds skills, responsibilities and behaviours, each with the sentence it came from, verbatim', () => {
    const r = extractCompetencies(INTERN_JOB);
    expect(r.english).toBe(true);
    expect(r.notes).toEqual([]);
    const got = new Map(r.competencies.map((c) => [c.id, c]));
    for (const id of ['leadership', 'ownership', 'teamwork', 'stakeholder-communication', 'incident-response', 'python', 'sql', 'data-pipelines', 'containers']) {
      expect([id, got.has(id)]).toEqual([id, true]);
    }
    expect(got.get('incident-response')!.source).toBe('Take part in incident response and on-call rotations for the services you build.');
    for (const c of r.competencies) expect(INTERN_JOB).toContain(c.source);
    expect(got.get('incident-response')!.kind).toBe('responsibility');
    expect(got.get('leadership')!.name).toBe('Leadership');
  });

  it('skips benefits, about-us and equal-opportunity text', () => {
    const found = ids(INTERN_JOB);
    expect(found).not.toContain('mentoring'); // "mentoring programs" is a benefit
    expect(found).not.toContain('domain-healthcare'); // "hospitals" is in About us
    expect(postingSentences(INTERN_JOB).map((s) => s.text).join(' ')).not.toMatch(/equal opportunity|401/);
  });

  it('ranks by how often the posting asks, nice-to-haves counting half', () => {
    const r = extractCompetencies('Requirements:\n- Python.\n- Python and SQL for data work.\n- SQL.\n- Strong SQL.\nNice to have:\n- Kubernetes.');
    expect(r.competencies.map((c) => [c.id, c.importance])).toEqual([['sql', 3], ['python', 2], ['containers', 0.5]]);
  });

  it('lets the longest phrase win and ignores negated mentions', () => {
    expect(ids('Drive lead generation and prospecting for the region.')).toEqual(['sales']);
    expect(ids('Build computer vision models.')).toContain('machine-learning');
    expect(ids('Build computer vision models.')).not.toContain('strategic-thinking');
    expect(ids('This role has no on-call duties.')).not.toContain('incident-response');
  });

  it('matches lemmas and spelling variants: led teams, cross-functional, CI/CD, C++', () => {
    expect(ids('You have led teams before.')).toContain('leadership');
    expect(ids('Work with cross functional partners.')).toContain('cross-functional');
    expect(ids('Maintain our CI/CD setup.')).toContain('ci-cd');
    expect(ids('Strong C++ skills.')).toContain('c-cpp');
  });

  it('notes another language instead of failing, and still finds tool names', () => {
    const de = 'Deine Aufgaben: Du entwickelst gemeinsam mit unserem Team Datenpipelines in Python und SQL. Du übernimmst Verantwortung für kleine Projekte und arbeitest eng mit den Fachabteilungen zusammen.';
    const r = extractCompetencies(de);
    expect(r.english).toBe(false);
    expect(r.notes.join(' ')).toMatch(/does not look like English/);
    expect(r.competencies.map((c) => c.id)).toEqual(expect.arrayContaining(['python', 'sql']));
    expect(stopWordShare(INTERN_JOB).share).toBeGreaterThan(0.15);
  });

  it('says so when nothing is recognised', () => {
    const r = extractCompetencies('Barista wanted. Morning shifts.');
    expect(r.competencies).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/No competency/);
    expect(extractCompetencies('').competencies).toEqual([]);
  });

  it('reads a 20,000-character posting quickly', () => {
    const big = INTERN_JOB.repeat(Math.floor(20_000 / INTERN_JOB.length));
    extractCompetencies('warm up');
    const t0 = performance.now();
    expect(extractCompetencies(big).competencies.length).toBeGreaterThan(5);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });
});
