/**
 * The api forwards /files to the upload service when the two run as separate apps on one machine
 * (`npm run start:dapr`), so the browser keeps one origin. In AKS the Istio VirtualService routes
 * /files to the upload service instead and this is not mounted. Bodies stream both ways.
 */
import http from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../shared/logger.js';

export function forwardTo(base: string, log: Logger): RequestHandler {
  const target = new URL(base);
  return (req, res) => {
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.originalUrl,
        headers: { ...req.headers, host: req.headers.host ?? target.host, 'x-forwarded-host': req.headers.host ?? '', 'x-forwarded-proto': req.protocol },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      log.warn({ err }, 'upload service unreachable');
      if (!res.headersSent) res.status(503).json({ error: { code: 'upload_unavailable', message: 'the upload service is not reachable; try again shortly' } });
      else res.destroy();
    });
    req.pipe(upstream);
  };
}
