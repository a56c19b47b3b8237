/** A local webhook receiver for tests and the bench: records each request, answers as scripted. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Status to answer for the n-th request (0-based); 200 by default. */
  script: (n: number) => number | 'hang';
  close(): Promise<void>;
}

export async function startReceiver(script: Receiver['script'] = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const r: Receiver = { url: '', received, script, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = received.length;
      received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const status = r.script(n);
      if (status === 'hang') return;
      if (status >= 300 && status < 400) res.setHeader('location', 'http://169.254.169.254/');
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return r;
}
