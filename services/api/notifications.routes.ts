/** REST routes for in-app notifications and the email opt-out. */
import express, { Router } from 'express';
import { z } from 'zod';
import type { NotificationService } from '../notify/notification.service.js';
import { AppError } from '../shared/errors.js';
import { limitParam, parseBody } from './validation.js';

export class NotificationNotFoundError extends AppError {
  constructor() {
    super('notification_not_found', 'no such notification', 404);
  }
}

export const preferencesBody = z.strictObject({ email: z.boolean() });

const NOTIFICATION_ID_RE = /^[a-z.]+:[A-Za-z0-9:_-]{1,200}$/;

export function notificationsRouter(service: NotificationService, limits: { jsonBytes: number }): Router {
  const r = Router();
  const json = express.json({ limit: limits.jsonBytes });
  const uid = (req: express.Request) => req.user!.uid;

  r.get('/notifications', async (req, res) => {
    const limit = limitParam(req.query.limit);
    res.json(await service.list(uid(req), limit));
  });

  r.post('/notifications/:id/read', async (req, res) => {
    const id = req.params.id as string;
    const n = NOTIFICATION_ID_RE.test(id) ? await service.markRead(uid(req), id) : null;
    if (!n) throw new NotificationNotFoundError();
    res.json(n);
  });

  r.get('/notifications/preferences', async (req, res) => {
    res.json(await service.preferences(uid(req)));
  });

  r.put('/notifications/preferences', json, async (req, res) => {
    res.json(await service.setPreferences(uid(req), parseBody(preferencesBody, req.body)));
  });

  return r;
}
