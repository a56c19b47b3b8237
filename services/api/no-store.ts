/**
 * Private answers (anything behind a bearer token: the REST API and the tus endpoint) must not be
 * kept by browsers, proxies or CDNs: `Cache-Control: no-store` on every answer, errors included.
 */
import type { RequestHandler } from 'express';

export const PRIVATE_PATHS = ['/api/v1', '/files'];

export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  res.setHeader('pragma', 'no-cache'); // HTTP/1.0 caches
  next();
};
