/**
 * Issue 16 through the API: a job description on an interview (POST, PATCH with re-analysis), the
 * report's job section, question sets, saved jobs, bad input (413/400) and another user's ids (404).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiClient, type RunningApp, startTestApp, waitForStatus } from '../helpers/app.js';
import { signUp, type TestAccount, withAuthEmulator } from '../helpers/firebase.js';
import { INTERN_JOB, MIT_STYLE_TRANSCRIPT } from '../unit/job/fixtures.js';

withAuthEmulator();
let run: RunningApp;
let alice: TestAccount;
let bob: TestAccount;
let api: ReturnType<typeof apiClient>;
let bobApi: ReturnType<typeof apiClient>;
let done: string;

beforeAll(async () => {
  run = await startTestApp();
  [alice, bob] = await Promise.all([signUp(), signUp()]);
  api = apiClient(run.base, alice.idToken);
  bobApi = apiClient(run.base, bob.idToken);
  const { body } = await api('POST', '/api/v1/interviews', { title: 'platform intern', jobDescription: INTERN_JOB });
  done = body.id;
  expect((await api('PUT', `/api/v1/interviews/${done}/transcript?filename=mit.txt`, MIT_STYLE_TRANSCRIPT)).status).toBe(200);
  await waitForStatus(api, done, (s) => s === 'completed');
}, 90_000);
afterAll(async () => run?.stop());

describe('job description on an interview', () => {
  it('is stored, shown, and judged in the report with verbatim evidence', async () => {
    expect((await api('GET', `/api/v1/interviews/${done}`)).body.jobDescription).toBe(INTERN_JOB);
    const report = (await api('GET', `/api/v1/interviews/${done}/report`)).body;
    const by = new Map<string, { status: string; evidence?: string }>(report.job.competencies.map((c: { id: string }) => [c.id, c]));
    expect(by.get('leadership')!.status).toBe('covered');
    expect(MIT_STYLE_TRANSCRIPT).toContain(by.get('leadership')!.evidence!);
    expect(by.get('incident-response')!.status).toBe('missed');
    expect(report.tips[0]).toMatch(/^The job asks for/);
  });

  it('PATCH with a new job description re-analyses; "" removes it', async () => {
    const r = await api('PATCH', `/api/v1/interviews/${done}`, { jobDescription: 'Mentor junior engineers and run code reviews.' });
    expect(r.status).toBe(200);
    expect(['transcribed', 'analyzing', 'completed']).toContain(r.body.status);
    await waitForStatus(api, done, (s) => s === 'completed');
    const ids = (await api('GET', `/api/v1/interviews/${done}/report`)).body.job.competencies.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['mentoring', 'code-review']));
    expect(ids).not.toContain('incident-response');
    // Same text again: nothing to re-analyse.
    expect((await api('PATCH', `/api/v1/interviews/${done}`, { jobDescription: 'Mentor junior engineers and run code reviews.' })).body.status).toBe('completed');
    await api('PATCH', `/api/v1/interviews/${done}`, { jobDescription: '' });
    await waitForStatus(api, done, (s) => s === 'completed');
    expect((await api('GET', `/api/v1/interviews/${done}/report`)).body.job).toBeUndefined();
    expect((await api('GET', `/api/v1/interviews/${done}`)).body.jobDescription).toBeUndefined();
    await api('PATCH', `/api/v1/interviews/${done}`, { jobDescription: INTERN_JOB });
    await waitForStatus(api, done, (s) => s === 'completed');
  }, 60_000);

  it('refuses a huge paste with 413, a non-string with 400 and empty or non-text with 422, on POST and PATCH', async () => {
    const huge = await api('POST', '/api/v1/interviews', { title: 'x', jobDescription: 'Lead teams. '.repeat(2_000) });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'job_description_too_large']);
    expect(huge.body.error.message).toMatch(/limit is 20,000/);
    for (const [jobDescription, status] of [['', 422], ['   ', 422], [42, 400], [['a'], 400], ['%%% 123 ###', 422]] as const) {
      const r = await api('POST', '/api/v1/interviews', { title: 'x', jobDescription });
      expect([jobDescription, r.status, r.body.error.code]).toEqual([jobDescription, status, 'invalid_job_description']);
    }
    const patch = await api('PATCH', `/api/v1/interviews/${done}`, { jobDescription: 'x'.repeat(20_001) });
    expect([patch.status, patch.body.error.code]).toEqual([413, 'job_description_too_large']);
  });
});

describe('GET /api/v1/question-sets/general', () => {
  it('gives the general practice set (no job needed), the same each time', async () => {
    const r = await api('GET', '/api/v1/question-sets/general');
    expect(r.status).toBe(200);
    expect(r.body.questions[0].kind).toBe('introduction');
    expect(r.body.questions.every((q: { reason: string }) => q.reason === 'general')).toBe(true);
    expect((await api('GET', '/api/v1/question-sets/general')).body.id).toBe(r.body.id);
  });
});

describe('POST /api/v1/question-sets', () => {
  it('from an interview: missed competencies first, follow-ups for weak answers', async () => {
    const r = await api('POST', '/api/v1/question-sets', { interviewId: done });
    expect(r.status).toBe(200);
    expect(r.body.id).toMatch(/^qs_/);
    expect(r.body.questions.length).toBeGreaterThanOrEqual(8);
    expect(r.body.questions[0].reason).toBe('missed');
    expect(r.body.questions.some((q: { competency: string }) => q.competency === 'incident-response')).toBe(true);
    expect(r.body.questions.some((q: { reason: string }) => q.reason === 'follow_up')).toBe(true);
    for (const q of r.body.questions) expect(Object.keys(q)).toEqual(expect.arrayContaining(['id', 'text', 'kind', 'competency']));
  });

  it('from a job description alone, with count; another language gets a note', async () => {
    const r = await api('POST', '/api/v1/question-sets', { jobDescription: INTERN_JOB, count: 5 });
    expect(r.status).toBe(200);
    expect(r.body.questions).toHaveLength(5);
    const de = await api('POST', '/api/v1/question-sets', { jobDescription: 'Du entwickelst gemeinsam mit unserem Team neue Funktionen und arbeitest eng mit den Fachabteilungen zusammen, um die Qualität zu verbessern.' });
    expect(de.status).toBe(200);
    expect(de.body.notes.join(' ')).toMatch(/does not look like English/);
    expect(de.body.questions.length).toBeGreaterThanOrEqual(8);
  });

  it('bad input: 400 without a job, 400 for a bad count, 413 for a huge paste', async () => {
    expect((await api('POST', '/api/v1/question-sets', {})).body.error.code).toBe('invalid_request');
    expect((await api('POST', '/api/v1/question-sets', { jobDescription: INTERN_JOB, count: 2 })).status).toBe(400);
    const huge = await api('POST', '/api/v1/question-sets', { jobDescription: 'y'.repeat(25_000) });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'job_description_too_large']);
    const empty = await api('POST', '/api/v1/question-sets', { jobDescription: '' });
    expect([empty.status, empty.body.error.code]).toEqual([422, 'invalid_job_description']);
  });

  it("another user's interview is 404, and leaks nothing", async () => {
    const r = await bobApi('POST', '/api/v1/question-sets', { interviewId: done });
    expect([r.status, r.body.error.code]).toEqual([404, 'not_found']);
    expect(JSON.stringify(r.body)).not.toContain('incident');
  });

  it('an interview without a job description answers 409 no_job_description', async () => {
    const { body } = await api('POST', '/api/v1/interviews', { title: 'no job' });
    const r = await api('POST', '/api/v1/question-sets', { interviewId: body.id });
    expect([r.status, r.body.error.code]).toEqual([409, 'no_job_description']);
  });
});

describe('saved jobs', () => {
  it('are saved, listed newest first, read and deleted per user', async () => {
    const a = await api('POST', '/api/v1/jobs', { title: 'Platform intern', company: 'Acme', jobDescription: INTERN_JOB });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ title: 'Platform intern', company: 'Acme', jobDescription: INTERN_JOB });
    const b = await api('POST', '/api/v1/jobs', { title: 'Data analyst', jobDescription: 'Analyse data with SQL.' });
    expect((await api('GET', '/api/v1/jobs')).body.items.map((j: { id: string }) => j.id)).toEqual([b.body.id, a.body.id]);
    expect((await api('GET', `/api/v1/jobs/${a.body.id}`)).body.title).toBe('Platform intern');
    expect((await bobApi('GET', '/api/v1/jobs')).body.items).toEqual([]);
    expect((await bobApi('GET', `/api/v1/jobs/${a.body.id}`)).status).toBe(404);
    expect((await bobApi('DELETE', `/api/v1/jobs/${a.body.id}`)).status).toBe(404);
    expect((await api('DELETE', `/api/v1/jobs/${a.body.id}`)).status).toBe(204);
    expect((await api('DELETE', `/api/v1/jobs/${a.body.id}`)).status).toBe(404);
    expect((await api('GET', '/api/v1/jobs/not-a-uuid')).status).toBe(404);
    expect((await api('GET', '/api/v1/jobs')).body.items.map((j: { id: string }) => j.id)).toEqual([b.body.id]);
  });

  it('refuses a missing, empty or huge job description', async () => {
    expect((await api('POST', '/api/v1/jobs', { title: 'x' })).body.error.code).toBe('invalid_job_description');
    expect((await api('POST', '/api/v1/jobs', { title: 'x', jobDescription: ' ' })).body.error.code).toBe('invalid_job_description');
    expect((await api('POST', '/api/v1/jobs', { title: 'x', jobDescription: 'z'.repeat(20_001) })).status).toBe(413);
    expect((await api('POST', '/api/v1/jobs', { jobDescription: 'Lead.' })).body.error.code).toBe('invalid_request');
  });
});
