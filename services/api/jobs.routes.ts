/** REST routes for saved jobs and question sets (issue 16): thin, validate then call JobsService. */
import express, { Router } from 'express';
import { checkJobDescription, questionSetBody, savedJobBody } from '../analysis/job/job.contract.js';
import { generalQuestionSet } from '../analysis/job/question-set.js';
import { type JobsService, JobNotFoundError } from '../jobs/jobs.service.js';
import { parseBody, UUID_RE } from './validation.js';

export function jobsRouter(service: JobsService, limits: { jsonBytes: number }): Router {
  const r = Router();
  const json = express.json({ limit: limits.jsonBytes });
  const uid = (req: express.Request) => req.user!.uid;

  r.param('id', (_req, _res, next, id: string) => next(UUID_RE.test(id) ? undefined : new JobNotFoundError()));

  r.get('/question-sets/general', (_req, res) => {
    res.json(generalQuestionSet());
  });

  r.post('/question-sets', json, async (req, res) => {
    checkJobDescription(req.body);
    res.json(await service.questionSet(uid(req), parseBody(questionSetBody, req.body)));
  });

  r.get('/jobs', async (req, res) => {
    res.json({ items: await service.list(uid(req)) });
  });

  r.post('/jobs', json, async (req, res) => {
    checkJobDescription(req.body, { required: true });
    const job = await service.save(uid(req), parseBody(savedJobBody, req.body));
    res.status(201).location(`/api/v1/jobs/${job.id}`).json(job);
  });

  r.get('/jobs/:id', async (req, res) => {
    res.json(await service.get(uid(req), req.params.id as string));
  });

  r.delete('/jobs/:id', async (req, res) => {
    await service.remove(uid(req), req.params.id as string);
    res.status(204).end();
  });

  return r;
}
