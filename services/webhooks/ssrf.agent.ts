/**
 * HTTP(S) agents that apply the SSRF guard to EVERY connection they open, whatever the URL names:
 *  - a hostname is resolved by the guard's `lookup`, so the socket connects to a checked address;
 *  - an IP literal is checked before connecting (Node never calls `lookup` for a literal, so a
 *    loopback URL saved while WEBHOOK_ALLOW_LOOPBACK was on would otherwise still be reached);
 *  - once connected, the socket's actual `remoteAddress` is checked again and the socket destroyed
 *    before a request byte is written if it is not allowed (defence in depth for any path above).
 * Keep-alive sockets are reused only for the host:port they were opened (and checked) for.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { UnsafeWebhookUrlError } from './errors.js';
import { addressVerdict } from './ssrf.js';
import type { SsrfGuard } from './ssrf.guard.js';

type CreateConnection = (options: Record<string, unknown>, cb: (err: Error | null, socket?: Duplex) => void) => Duplex | undefined;

/** Refusal of `ip` under the guard's policy, or null when it may be reached. */
function refusal(guard: SsrfGuard, ip: string): UnsafeWebhookUrlError | null {
  const v = addressVerdict(ip, { allowLoopback: guard.allowLoopback });
  return v.ok ? null : new UnsafeWebhookUrlError(v.reason, v.message);
}

function guarded(guard: SsrfGuard, create: CreateConnection): CreateConnection {
  return (options, cb) => {
    const host = String(options.host ?? options.hostname ?? '').replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const refused = refusal(guard, host);
      if (refused) {
        process.nextTick(cb, refused);
        return undefined;
      }
    }
    const socket = create({ ...options, lookup: guard.connectLookup }, cb) as Socket | undefined;
    // Registered before the request is attached, so it runs before any request byte is flushed.
    socket?.once('connect', () => {
      const refused = socket.remoteAddress ? refusal(guard, socket.remoteAddress) : new UnsafeWebhookUrlError('unresolvable', 'the webhook connection has no remote address');
      if (refused) socket.destroy(refused);
    });
    return socket;
  };
}

export function guardedAgents(guard: SsrfGuard, opts: http.AgentOptions = {}): { 'http:': http.Agent; 'https:': https.Agent } {
  const httpAgent = new http.Agent(opts);
  const httpsAgent = new https.Agent(opts);
  for (const agent of [httpAgent, httpsAgent] as unknown as { createConnection: CreateConnection }[]) {
    agent.createConnection = guarded(guard, agent.createConnection.bind(agent));
  }
  return { 'http:': httpAgent, 'https:': httpsAgent };
}
