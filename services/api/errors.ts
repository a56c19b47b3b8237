/** Every error leaves the API as `{"error":{"code","message"}}` with a 4xx/5xx status. */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isAppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

export const notFoundRoute: RequestHandler = (_req, res) => {
  res.status(404).json({ error: { code: 'route_not_found', message: 'no such route' } });
};

/** body-parser errors carry `type`; map them to stable codes instead of leaking parser text. */
const PARSER_ERRORS: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'payload_too_large', 'the request body is too large'],
  'entity.parse.failed': [400, 'invalid_json', 'the request body is not valid JSON'],
  'encoding.unsupported': [415, 'unsupported_encoding', 'the request body encoding is not supported'],
  'charset.unsupported': [415, 'unsupported_charset', 'the request body charset is not supported'],
  'request.aborted': [400, 'request_aborted', 'the request was aborted'],
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    if (isAppError(err)) {
      if (err.status >= 500) log.error({ err, path: req.path }, 'request failed');
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.details && { details: err.details }) } });
      return;
    }
    const parser = typeof err?.type === 'string' ? PARSER_ERRORS[err.type] : undefined;
    if (parser) {
      res.status(parser[0]).json({ error: { code: parser[1], message: parser[2] } });
      return;
    }
    log.error({ err, path: req.path, method: req.method }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'something went wrong on our side' } });
  };
}
