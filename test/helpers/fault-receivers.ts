/**
 * The outside world of a crash test: a webhook receiver and an SMTP server that record everything
 * they accept and say whether a delivery is in flight right now (so a test can SIGKILL the app in
 * the middle of one). The webhook receiver answers after a delay to widen that window.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface WebhookHit {
  id: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface SlowReceiver {
  url: string;
  hits: WebhookHit[];
  /** Requests received and not yet answered. */
  inFlight(): number;
  close(): Promise<void>;
}

export async function startSlowReceiver(delayMs: number): Promise<SlowReceiver> {
  const hits: WebhookHit[] = [];
  let open = 0;
  const server = http.createServer((req, res) => {
    open++;
    req.on('error', () => undefined); // the sender was SIGKILLed mid-request
    res.on('error', () => undefined);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        open--;
        hits.push({ id: String(req.headers['webhook-id']), headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
        res.writeHead(200).end('ok');
      }, delayMs);
    });
    req.on('close', () => {
      if (!req.complete) open--; // the sender died mid-request
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    hits,
    inFlight: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Mail {
  to: string[];
  messageId: string;
  subject: string;
}

export interface SmtpSink {
  port: number;
  mails: Mail[];
  inFlight(): number;
  close(): Promise<void>;
}

/** Accepts every message (no auth, no TLS); a mail counts once the server answered 250. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: Mail[] = [];
  let open = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      open++;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(raw)?.[1]?.trim() ?? '';
        open--;
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId: header('Message-ID'), subject: header('Subject') });
        callback();
      });
    },
  });
  smtp.on('error', () => undefined); // a client SIGKILLed mid-session resets its socket
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    port: (smtp.server.address() as AddressInfo).port,
    mails,
    inFlight: () => open,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
