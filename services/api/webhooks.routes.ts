/** REST routes for webhook endpoints and their delivery logs (thin: validate, call the service, shape). */
import express, { Router } from 'express';
import { z } from 'zod';
import { DELIVERY_ID_RE } from '../webhooks/delivery-id.js';
import { WebhookNotFoundError } from '../webhooks/errors.js';
import type { WebhookService } from '../webhooks/webhook.service.js';
import { deliverySummaryView, deliveryView, endpointView } from '../webhooks/webhook.views.js';
import { WEBHOOK_EVENTS } from '../webhooks/webhook.types.js';
import { limitParam, nonBlank, parseBody, UUID_RE } from './validation.js';

const events = z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'subscribe to at least one event').max(WEBHOOK_EVENTS.length * 2);
const description = z.string().max(500).trim();

export const createWebhookBody = z.strictObject({
  /** A well-formed URL the SSRF guard refuses (private, loopback, unresolvable) is a 422. */
  url: nonBlank(2048),
  events,
  description: description.optional(),
});

export const updateWebhookBody = z.strictObject({
  events: events.optional(),
  enabled: z.boolean().optional(),
  description: description.optional(),
});

export function webhooksRouter(service: WebhookService, limits: { jsonBytes: number }): Router {
  const r = Router();
  const json = express.json({ limit: limits.jsonBytes });
  const uid = (req: express.Request) => req.user!.uid;
  const id = (req: express.Request) => req.params.id as string;

  r.param('id', (_req, _res, next, v: string) => next(UUID_RE.test(v) ? undefined : new WebhookNotFoundError()));
  r.param('deliveryId', (_req, _res, next, v: string) => next(DELIVERY_ID_RE.test(v) ? undefined : new WebhookNotFoundError('delivery')));

  r.post('/webhooks', json, async (req, res) => {
    const { endpoint, secret } = await service.create(uid(req), parseBody(createWebhookBody, req.body));
    // The signing secret is shown here once; later reads never include it.
    res.status(201).location(`/api/v1/webhooks/${endpoint.id}`).json({ ...endpointView(endpoint), secret });
  });

  r.get('/webhooks', async (req, res) => {
    res.json({ items: (await service.list(uid(req))).map(endpointView) });
  });

  r.get('/webhooks/:id', async (req, res) => {
    res.json(endpointView(await service.get(uid(req), id(req))));
  });

  r.patch('/webhooks/:id', json, async (req, res) => {
    const patch = parseBody(updateWebhookBody, req.body);
    res.json(endpointView(await service.update(uid(req), { id: id(req), ...patch })));
  });

  r.delete('/webhooks/:id', async (req, res) => {
    await service.remove(uid(req), id(req));
    res.status(204).end();
  });

  r.post('/webhooks/:id/rotate-secret', async (req, res) => {
    const { endpoint, secret, previousSecretExpiresAt } = await service.rotateSecret(uid(req), id(req));
    res.json({ ...endpointView(endpoint), secret, previousSecretExpiresAt: new Date(previousSecretExpiresAt).toISOString() });
  });

  r.post('/webhooks/:id/test', async (req, res) => {
    res.status(202).json(deliveryView(await service.test(uid(req), id(req))));
  });

  r.get('/webhooks/:id/deliveries', async (req, res) => {
    const limit = limitParam(req.query.limit);
    res.json({ items: (await service.deliveries(uid(req), id(req), limit)).map(deliverySummaryView) });
  });

  r.get('/webhooks/:id/deliveries/:deliveryId', async (req, res) => {
    res.json(deliveryView(await service.delivery(uid(req), id(req), req.params.deliveryId as string)));
  });

  r.post('/webhooks/:id/deliveries/:deliveryId/redeliver', async (req, res) => {
    res.status(202).json(deliveryView(await service.redeliver(uid(req), id(req), req.params.deliveryId as string)));
  });

  return r;
}
