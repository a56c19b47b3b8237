/**
 * 405 for a method the OpenAPI document does not list on a path it does list, with `Allow` and the
 * JSON error shape (RFC 9110). Runs before authentication and routing, so the answer is the same
 * for everyone and a tus or API handler never sees a method it has no contract for. HEAD goes
 * where GET does (express answers it), OPTIONS always passes (CORS preflight, tus discovery).
 */
import type { RequestHandler } from 'express';
import { openApiDocument } from './openapi.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface PathRule {
  re: RegExp;
  allow: string[];
}

/** `/files/{uploadId}` → /^\/files\/[^/]+\/?$/; a trailing slash matches as express's routing does. */
function rulesOf(paths: Record<string, object>): PathRule[] {
  return Object.entries(paths).map(([template, item]) => {
    const body = template
      .replace(/\/$/, '')
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    const listed = METHODS.filter((m) => m in item).map((m) => m.toUpperCase());
    const allow = [...new Set([...listed, ...(listed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])];
    return { re: new RegExp(`^${body}/?$`), allow };
  });
}

export function methodNotAllowed(paths: Record<string, object> = openApiDocument().paths): RequestHandler {
  const rules = rulesOf(paths);
  return (req, res, next) => {
    const matching = rules.filter((r) => r.re.test(req.path));
    if (matching.length === 0) return next();
    const allow = [...new Set(matching.flatMap((r) => r.allow))];
    if (allow.includes(req.method)) return next();
    res.status(405).set('allow', allow.join(', ')).json({
      error: { code: 'method_not_allowed', message: `${req.method} is not allowed here; use ${allow.join(', ')}` },
    });
  };
}
