/** Every error leaves the API as `{"error":{"code","message"}}` with a 4xx/5xx status. */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isAppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { isStorageFull, STORAGE_FULL_RETRY_AFTER_SEC, StorageFullError } from '../shared/storage-full.js';

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
    // Disk or database full: often wrapped (an actor turn's cause), and worth a retry, not a 500.
    if (isStorageFull(err)) {
      log.error({ err, path: req.path, method: req.method }, 'request refused: storage full');
      const message = err instanceof StorageFullError ? err.message : new StorageFullError().message;
      res.status(507).set('retry-after', String(STORAGE_FULL_RETRY_AFTER_SEC)).json({ error: { code: 'storage_full', message } });
      return;
    }
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
    // The router could not percent-decode a path parameter (e.g. "%E0%A4%A"): the client's fault.
    if (err instanceof URIError) {
      res.status(400).json({ error: { code: 'invalid_url', message: 'the URL is not valid percent-encoding' } });
      return;
    }
    log.error({ err, path: req.path, method: req.method }, 'unhandled error');
    res.status(500).json({ error: { code: 'internal', message: 'something went wrong on our side' } });
  };
}

/**
 * `clientError` listener: requests Node's HTTP parser refuses (headers over 16 KiB, e.g. a huge tus
 * Upload-Metadata; malformed HTTP) never reach express. Node would answer with an empty body;
 * this keeps the same JSON shape as every other error.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message]: [number, string, string] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large', 'the request headers are larger than 16 KiB']
    : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request_timeout', 'the request took too long to arrive']
    : [400, 'bad_request', 'the request is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}
