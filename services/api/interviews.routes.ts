/** REST routes for interviews (thin: validate, call the service, shape the view). */
import express, { Router } from 'express';
import { type InterviewService, NotFoundError } from '../interviews/interview.service.js';
import { interviewView, listItemView, transcriptView } from '../interviews/interview.views.js';
import { checkJobDescription } from '../analysis/job/job.contract.js';
import { AppError } from '../shared/errors.js';
import { createInterviewBody, parseBody, reanalyzeBody, settingsBody, updateInterviewBody, UUID_RE } from './validation.js';
import { TUS_PATH } from '../contract/upload.js';

export function interviewsRouter(service: InterviewService, limits: { jsonBytes: number; transcriptBytes: number }): Router {
  const r = Router();
  const json = express.json({ limit: limits.jsonBytes });
  const uid = (req: express.Request) => req.user!.uid;

  // Unknown ids and malformed ids look the same: 404.
  r.param('id', (_req, _res, next, id: string) => next(UUID_RE.test(id) ? undefined : new NotFoundError()));

  r.post('/interviews', json, async (req, res) => {
    checkJobDescription(req.body);
    const s = await service.create(uid(req), parseBody(createInterviewBody, req.body));
    res.status(201).location(`/api/v1/interviews/${s.id}`).json({
      id: s.id,
      status: s.status,
      upload: { endpoint: `${TUS_PATH}/`, metadata: { interviewId: s.id } },
    });
  });

  r.get('/interviews', async (req, res) => {
    res.json({ items: (await service.list(uid(req))).map(listItemView) });
  });

  r.get('/interviews/:id', async (req, res) => {
    res.json(interviewView(await service.get(uid(req), req.params.id as string)));
  });

  r.get('/interviews/:id/transcript', async (req, res) => {
    res.json(transcriptView(await service.transcript(uid(req), req.params.id as string)));
  });

  r.put(
    '/interviews/:id/transcript',
    express.text({ type: () => true, limit: limits.transcriptBytes }),
    async (req, res) => {
      if (typeof req.body !== 'string' || req.body.length === 0) {
        throw new AppError('invalid_transcript', 'send the transcript (WebVTT, SRT, Zoom, Teams, Meet or plain "Name: text" lines) as the request body', 400);
      }
      const filename = typeof req.query.filename === 'string' ? req.query.filename : undefined;
      res.json(interviewView(await service.importTranscript(uid(req), req.params.id as string, req.body, filename)));
    },
  );

  r.get('/interviews/:id/report', async (req, res) => {
    res.json(await service.report(uid(req), req.params.id as string));
  });

  r.post('/interviews/:id/retry', async (req, res) => {
    const id = req.params.id as string;
    await service.get(uid(req), id);
    const result = await service.dispatch(id, { type: 'retry', eventId: `retry:${Date.now()}:${Math.random()}` });
    if (result.outcome === 'rejected') throw new AppError('retry_not_possible', result.error.message, 409);
    res.status(202).json(interviewView(result.state));
  });

  r.patch('/interviews/:id', json, async (req, res) => {
    checkJobDescription(req.body, { allowEmpty: true });
    const patch = parseBody(updateInterviewBody, req.body);
    res.json(interviewView(await service.update(uid(req), req.params.id as string, patch)));
  });

  r.post('/interviews/:id/reanalyze', json, async (req, res) => {
    checkJobDescription(req.body, { allowEmpty: true });
    const { model, ...rest } = parseBody(reanalyzeBody, req.body, { optional: true });
    const state = await service.reanalyze(uid(req), req.params.id as string, { ...rest, ...(model && { aiPreference: model }) });
    res.status(202).json(interviewView(state));
  });

  r.get('/trends', async (req, res) => {
    res.json({ metrics: await service.trends(uid(req)) });
  });

  r.get('/settings', async (req, res) => {
    res.json(await service.settings(uid(req)));
  });

  r.put('/settings', json, async (req, res) => {
    res.json(await service.updateSettings(uid(req), parseBody(settingsBody, req.body)));
  });

  r.delete('/interviews/:id', async (req, res) => {
    await service.erase(uid(req), req.params.id as string);
    res.status(204).end();
  });

  return r;
}
