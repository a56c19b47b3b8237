import { describe, expect, it } from '@jest/globals';
import { checkJobDescription, JOB_DESCRIPTION_MAX_CHARS, questionSetBody } from '../../../services/analysis/job/job.contract.js';
import { createInterviewBody, parseBody, updateInterviewBody } from '../../../services/api/validation.js';
import type { AppError } from '../../../services/shared/errors.js';

const fails = (body: unknown, opts?: Parameters<typeof checkJobDescription>[1]) => {
  try {
    checkJobDescription(body, opts);
    return undefined;
  } catch (e) {
    return [(e as AppError).status, (e as AppError).code];
  }
};

describe('checkJobDescription', () => {
  it('accepts a posting, an absent field, and at most the limit', () => {
    expect(fails({ jobDescription: 'Lead projects.' })).toBeUndefined();
    expect(fails({})).toBeUndefined();
    expect(fails(undefined)).toBeUndefined();
    expect(fails({ jobDescription: 'a'.repeat(JOB_DESCRIPTION_MAX_CHARS) })).toBeUndefined();
  });

  it('413 for a huge paste, 400 for a non-string or a missing required one, 422 for empty or non-text', () => {
    expect(fails({ jobDescription: 'a'.repeat(JOB_DESCRIPTION_MAX_CHARS + 1) })).toEqual([413, 'job_description_too_large']);
    expect(fails({ jobDescription: '   ' })).toEqual([422, 'invalid_job_description']);
    expect(fails({ jobDescription: 42 })).toEqual([400, 'invalid_job_description']);
    expect(fails({ jobDescription: { text: 'x' } })).toEqual([400, 'invalid_job_description']);
    expect(fails({ jobDescription: '1234 5678 !!!' })).toEqual([422, 'invalid_job_description']);
    expect(fails({ jobDescription: 'PK\u0003\u0004\u0000\u0000\u0001word\u0000\u0002\u0003' })).toEqual([422, 'invalid_job_description']);
    expect(fails({}, { required: true })).toEqual([400, 'invalid_job_description']);
  });

  it('lets PATCH send "" to remove it', () => {
    expect(fails({ jobDescription: '' }, { allowEmpty: true })).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('carry jobDescription on create and update', () => {
    expect(parseBody(createInterviewBody, { title: 't', jobDescription: 'Lead.' })).toEqual({ title: 't', jobDescription: 'Lead.' });
    expect(parseBody(updateInterviewBody, { jobDescription: '' })).toEqual({ jobDescription: '' });
  });

  it('question sets need a job description or an interview, and 5–20 questions', () => {
    expect(questionSetBody.safeParse({}).success).toBe(false);
    expect(questionSetBody.safeParse({ jobDescription: 'x', count: 4 }).success).toBe(false);
    expect(questionSetBody.safeParse({ jobDescription: 'x', count: 21 }).success).toBe(false);
    expect(questionSetBody.safeParse({ interviewId: 'not-an-id' }).success).toBe(false);
    expect(questionSetBody.safeParse({ interviewId: '00000000-0000-4000-8000-000000000000', count: 5 }).success).toBe(true);
  });
});
