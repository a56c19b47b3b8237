import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express, { type ErrorRequestHandler } from 'express';
import { Server as SocketServer } from 'socket.io';
import { io as connectClient } from 'socket.io-client';
import { createFirebaseVerifier, requireUser, socketAuth, type AuthUser, type FirebaseVerifier } from '../../../services/shared/auth.js';
import { isAppError } from '../../../services/shared/errors.js';
import { forgeExpiredToken, forgeRs256Token, signUp, withAuthEmulator } from '../../helpers/firebase.js';

const emulator = withAuthEmulator();
let verifier: FirebaseVerifier;
let http: HttpServer;
let sockets: SocketServer;
let baseUrl: string;

// A minimal stand-in for the API's real error handler (owned elsewhere): AppError → its status and
// {"error":{"code","message"}}; anything else → 500.
const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (isAppError(err)) res.status(err.status).json({ error: { code: err.code, message: err.message } });
  else res.status(500).json({ error: { code: 'internal', message: 'Internal error' } });
};

beforeAll(async () => {
  verifier = createFirebaseVerifier({ projectId: emulator.projectId });
  const app = express();
  app.get('/me', requireUser(verifier), (req, res) => { res.json(req.user); });
  app.use(errorHandler);
  http = createServer(app);
  sockets = new SocketServer<Record<string, never>, Record<string, never>, Record<string, never>, { user?: AuthUser }>(http);
  sockets.use(socketAuth(verifier));
  sockets.on('connection', (socket) => {
    socket.on('whoami', (ack: (user: unknown) => void) => ack(socket.data.user));
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sockets?.close(); // also closes the HTTP server
  await verifier?.close();
});

const get = async (authorization?: string): Promise<{ status: number; body: unknown }> => {
  const res = await fetch(`${baseUrl}/me`, { headers: authorization === undefined ? {} : { authorization } });
  return { status: res.status, body: await res.json() };
};

describe('requireUser (express 5)', () => {
  it('sets req.user from a valid Bearer token', async () => {
    const account = await signUp();
    expect(await get(`Bearer ${account.idToken}`)).toEqual({ status: 200, body: { uid: account.uid, email: account.email } });
  });

  it.each([
    ['no header', undefined, 'auth_missing'],
    ['an empty header', '', 'auth_missing'],
    ['another scheme', 'Basic dXNlcjpwYXNz', 'auth_malformed'],
    ['a token that is not a JWT', 'Bearer not-a-jwt', 'auth_malformed'],
  ])('answers 401 %s through the error handler', async (_name, header, code) => {
    const { status, body } = await get(header);
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('answers auth_expired and auth_invalid for expired and forged tokens', async () => {
    const account = await signUp();
    expect(await get(`Bearer ${forgeExpiredToken(account.idToken)}`)).toMatchObject({ status: 401, body: { error: { code: 'auth_expired' } } });
    expect(await get(`Bearer ${forgeRs256Token(account.idToken)}`)).toMatchObject({ status: 401, body: { error: { code: 'auth_invalid' } } });
  });
});

type ConnectResult = { user: unknown } | { error: { message: string; data: unknown } };

const connect = (auth: Record<string, unknown>): Promise<ConnectResult> =>
  new Promise((done) => {
    const client = connectClient(baseUrl, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    client.on('connect', () => {
      client.emit('whoami', (user: unknown) => {
        client.close();
        done({ user });
      });
    });
    client.on('connect_error', (err: Error & { data?: unknown }) => {
      client.close();
      done({ error: { message: err.message, data: err.data } });
    });
  });

describe('socketAuth (socket.io)', () => {
  it('accepts a valid token and exposes the user as socket.data.user', async () => {
    const account = await signUp();
    expect(await connect({ token: account.idToken })).toEqual({ user: { uid: account.uid, email: account.email } });
  });

  it('refuses a forged token with data {code, message}', async () => {
    const account = await signUp();
    const result = await connect({ token: forgeRs256Token(account.idToken) });
    expect(result).toEqual({ error: { message: expect.any(String), data: { code: 'auth_invalid', message: expect.any(String) } } });
  });

  it.each([[{}], [{ token: '' }], [{ token: 42 }]])('refuses a handshake without a string token (%p) with auth_missing', async (auth) => {
    expect(await connect(auth)).toMatchObject({ error: { data: { code: 'auth_missing' } } });
  });
});
