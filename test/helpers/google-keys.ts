/**
 * Production-mode Firebase token verification without the internet: a local HTTPS server plays
 * Google's signing-key endpoint (x509 certificates by `kid`) with a throwaway CA, and an https.Agent
 * sends firebase-admin's requests for www.googleapis.com there. Tokens are then signed RS256 with a
 * key this server publishes, so firebase-admin runs its full production path (signature, kid,
 * alg, exp, aud, iss, sub) against keys we control.
 */
import { execFileSync } from 'node:child_process';
import { createSign, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionOptions } from 'node:tls';

const GOOGLE_HOST = 'www.googleapis.com';
const KEYS_PATH = '/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com';

export interface KeyPair {
  kid: string;
  privateKeyPem: string;
  certPem: string;
}

/** A self-signed RSA certificate (openssl: node:crypto cannot issue X.509 certificates). */
function selfSigned(cn: string, dir: string): { key: string; cert: string } {
  const key = path.join(dir, `${cn}.key`);
  const cert = path.join(dir, `${cn}.crt`);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
    '-subj', `/CN=${cn}`, '-addext', `subjectAltName=DNS:${cn}`,
  ], { stdio: 'ignore' });
  return { key: fs.readFileSync(key, 'utf8'), cert: fs.readFileSync(cert, 'utf8') };
}

export function makeKeyPair(kid = randomUUID().replaceAll('-', '')): KeyPair {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-signer-'));
  try {
    const { key, cert } = selfSigned(`signer-${kid.slice(0, 8)}`, dir);
    return { kid, privateKeyPem: key, certPem: cert };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const b64url = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');

/** RS256 JWT over `claims` with `header` fields merged over {alg: RS256, kid, typ: JWT}. */
export function signRs256(key: Pick<KeyPair, 'privateKeyPem'> & { kid?: string }, claims: object, header: Record<string, unknown> = {}): string {
  const input = `${b64url({ alg: 'RS256', typ: 'JWT', ...(key.kid !== undefined && { kid: key.kid }), ...header })}.${b64url(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key.privateKeyPem).toString('base64url')}`;
}

export interface GoogleKeyServer {
  /** The key firebase-admin trusts (published under its kid). */
  trusted: KeyPair;
  /** Give this to createFirebaseVerifier({httpAgent}). */
  agent: https.Agent;
  /** How many times firebase-admin fetched the keys. */
  readonly fetches: number;
  /** Make the endpoint answer 500 (Google unreachable) until set back. */
  failing: boolean;
  close(): Promise<void>;
}

export async function startGoogleKeyServer(): Promise<GoogleKeyServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-google-keys-'));
  const tls = selfSigned(GOOGLE_HOST, dir);
  fs.rmSync(dir, { recursive: true, force: true });
  const trusted = makeKeyPair();
  const state = { fetches: 0, failing: false };
  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    if (req.url !== KEYS_PATH) return void res.writeHead(404).end();
    state.fetches++;
    if (state.failing) return void res.writeHead(500, { 'content-type': 'text/plain' }).end('backend error');
    res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'public, max-age=3600' });
    res.end(JSON.stringify({ [trusted.kid]: trusted.certPem }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  // Every connection for www.googleapis.com goes to the local server, which must still prove it is
  // that host (TLS with our CA and SNI): certificate checks stay on, as in production.
  class LocalGoogleAgent extends https.Agent {
    override createConnection(options: ConnectionOptions, cb?: (err: Error | null, s: Socket) => void) {
      if (options.host !== GOOGLE_HOST) throw new Error(`unexpected outbound call to ${String(options.host)}`);
      // @ts-expect-error https.Agent has createConnection at runtime; @types/node leaves it off.
      return super.createConnection({ ...options, host: '127.0.0.1', port, servername: GOOGLE_HOST }, cb);
    }
  }
  const agent = new LocalGoogleAgent({ ca: tls.cert, keepAlive: false });
  return {
    trusted,
    agent,
    get fetches() { return state.fetches; },
    get failing() { return state.failing; },
    set failing(v: boolean) { state.failing = v; },
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
