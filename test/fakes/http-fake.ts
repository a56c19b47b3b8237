/**
 * Scriptable local HTTP fake for LLM APIs: a node:http server on 127.0.0.1 (random port) that
 * records every request and answers from a per-model script queue. Each provider file supplies a
 * dialect (paths, auth, body shapes); this file owns the server, the scripts and slow replies.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUsage {
  input: number;
  output: number;
}

/** One scripted answer. */
export type FakeReply =
  /** The model replies with this value as JSON text. */
  | { kind: 'json'; content: unknown; usage?: FakeUsage }
  /** The model replies with this exact text (e.g. broken JSON). */
  | { kind: 'text'; text: string; usage?: FakeUsage }
  /** An API error with the provider's error body; `retryAfter` becomes the retry-after header. */
  | { kind: 'status'; status: number; retryAfter?: string; message?: string }
  /** Answer only after `ms` (for timeouts); the client usually gives up first. */
  | { kind: 'delay'; ms: number; then: FakeReply }
  /** HTTP 200 whose body is not JSON at all (a broken proxy). */
  | { kind: 'garbage' }
  /** Decided per request (e.g. quoting the answer the request carried, whatever the call order). */
  | { kind: 'dynamic'; reply: (req: RecordedRequest) => FakeReply };

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: any;
  /** The model or deployment the request addressed (the script key). */
  target: string;
}

export type Routed = { target: string } | { status: number; body: unknown };

/** What differs between providers. */
export interface FakeDialect {
  /** Checks method, path, auth and body; says which script queue answers. */
  route(req: RecordedRequest): Routed;
  success(req: RecordedRequest, text: string, usage: FakeUsage, seq: number): unknown;
  error(status: number, message: string): unknown;
}

/** Rough token count for replies scripted without usage (≈4 chars per token). */
const approxTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

export class HttpFake {
  readonly requests: RecordedRequest[] = [];
  private readonly scripts = new Map<string, FakeReply[]>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private seq = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(dialect: FakeDialect): Promise<HttpFake> {
    let fake: HttpFake | undefined;
    const server = createServer((req, res) => {
      void fake!.handle(dialect, req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    fake = new HttpFake(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  /** Queues replies for one model/deployment (or '*' for any); each request takes the next one. */
  script(target: string, ...replies: FakeReply[]): this {
    this.scripts.set(target, [...(this.scripts.get(target) ?? []), ...replies]);
    return this;
  }

  /** Requests that addressed one model/deployment. */
  requestsFor(target: string): RecordedRequest[] {
    return this.requests.filter((r) => r.target === target);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private next(target: string): FakeReply {
    const queue = this.scripts.get(target)?.length ? this.scripts.get(target)! : this.scripts.get('*');
    // An unscripted request is a test bug: answer loudly rather than invent a success.
    return queue?.shift() ?? { kind: 'status', status: 500, message: `fake: no scripted reply for "${target}"` };
  }

  private async handle(dialect: FakeDialect, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: raw === '' ? undefined : safeJson(raw),
      target: '',
    };
    this.requests.push(recorded);
    const routed = dialect.route(recorded);
    if ('status' in routed) return send(res, routed.status, routed.body);
    recorded.target = routed.target;
    this.reply(dialect, recorded, this.next(routed.target), res);
  }

  private reply(dialect: FakeDialect, req: RecordedRequest, reply: FakeReply, res: ServerResponse): void {
    switch (reply.kind) {
      case 'delay': {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!res.destroyed) this.reply(dialect, req, reply.then, res);
        }, reply.ms);
        this.timers.add(timer);
        return;
      }
      case 'dynamic':
        return this.reply(dialect, req, reply.reply(req), res);
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' }).end('<html>502 Bad Gateway</html>');
        return;
      case 'status': {
        const headers: Record<string, string> = reply.retryAfter === undefined ? {} : { 'retry-after': reply.retryAfter };
        return send(res, reply.status, dialect.error(reply.status, reply.message ?? `fake error ${reply.status}`), headers);
      }
      case 'json':
      case 'text': {
        const text = reply.kind === 'json' ? JSON.stringify(reply.content) : reply.text;
        const usage = reply.usage ?? { input: approxTokens(JSON.stringify(req.body ?? '')), output: approxTokens(text) };
        return send(res, 200, dialect.success(req, text, usage, ++this.seq));
      }
    }
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_fake_${Date.now()}`, ...headers });
  res.end(JSON.stringify(body));
}
