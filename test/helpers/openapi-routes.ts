/**
 * The API's routes as the attack tests enumerate them: every operation of the served OpenAPI
 * document (so a documented new route is attacked without touching the tests), plus a check that
 * the express app has no /api/v1 route the document leaves out (so an undocumented one fails loudly
 * instead of escaping the attacks).
 */
import type http from 'node:http';

export interface Operation {
  method: string;
  /** OpenAPI template, e.g. /api/v1/interviews/{id}. */
  path: string;
  /** false for the documented public routes (security: []). */
  secured: boolean;
  /** Content types of the request body, if it takes one. */
  bodyTypes: string[];
  /** JSON schema of a JSON request body (resolved $ref), if any. */
  jsonSchema?: JsonSchema;
}

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minLength?: number;
  $ref?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'];

export async function fetchOperations(base: string): Promise<Operation[]> {
  const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { security?: unknown[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const resolve = (s?: JsonSchema): JsonSchema | undefined => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      const jsonSchema = resolve(content['application/json']?.schema);
      ops.push({
        method: method.toUpperCase(),
        path,
        secured: !(Array.isArray(op.security) && op.security.length === 0),
        bodyTypes: Object.keys(content),
        ...(jsonSchema && { jsonSchema }),
      });
    }
  }
  return ops;
}

/** Fills `{name}` placeholders; throws on a placeholder the caller has no value for. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${template}: teach the attack test this parameter`);
    return encodeURIComponent(v);
  });
}

/**
 * A body that passes validation where possible, so a request reaches the ownership check instead
 * of stopping at a 400: the required string fields of a JSON schema, or a small WebVTT file.
 */
export function sampleBody(op: Operation): { body: string; contentType: string } | undefined {
  if (op.path.startsWith('/files')) return undefined;
  if (op.bodyTypes.includes('text/vtt')) {
    return { body: 'WEBVTT\n\n00:00:00.000 --> 00:00:03.000\n<v Sam>I would start with the requirements.\n', contentType: 'text/vtt' };
  }
  if (!op.jsonSchema && op.method !== 'PATCH' && op.method !== 'PUT') return undefined;
  const body: Record<string, unknown> = {};
  for (const name of op.jsonSchema?.required ?? []) {
    const prop = op.jsonSchema?.properties?.[name];
    body[name] = prop?.type === 'boolean' ? true : 'attack test';
  }
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

interface Layer {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** The express app behind the server (socket.io wraps the request listener, so catch it on a request). */
async function expressApp(server: http.Server, base: string): Promise<{ router: { stack: Layer[] } }> {
  let app: unknown;
  const grab = (req: http.IncomingMessage) => {
    app ??= (req as unknown as { app?: unknown }).app;
  };
  server.on('request', grab);
  try {
    await fetch(`${base}/healthz`);
  } finally {
    server.off('request', grab);
  }
  if (!app) throw new Error('could not reach the express app');
  return app as { router: { stack: Layer[] } };
}

/** Every `METHOD /path` the express app routes under /api/v1, in OpenAPI template syntax. */
export async function apiRoutesOf(server: http.Server, base: string): Promise<string[]> {
  const out = new Set<string>();
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      if (layer.route) {
        for (const p of [layer.route.path].flat()) {
          for (const m of Object.keys(layer.route.methods)) out.add(`${m.toUpperCase()} ${prefix}${p}`.replace(/:(\w+)/g, '{$1}'));
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((await expressApp(server, base)).router.stack, '');
  return [...out].filter((r) => r.split(' ')[1]!.startsWith('/api/v1/')).sort();
}
