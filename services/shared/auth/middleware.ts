import type { RequestHandler } from 'express';
import { isAppError } from '../errors.js';
import { bearerFromHeader } from './bearer.js';
import { AuthError } from './errors.js';
import type { AuthUser, AuthVerifier } from './types.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by requireUser(); absent on routes that do not use it. */
      user?: AuthUser;
    }
  }
}

/**
 * Express 5 middleware: verifies `Authorization: Bearer <ID token>` and sets `req.user`.
 * Failures go to `next(err)` as AppErrors so the API's error handler renders
 * `{"error":{"code","message"}}` with the error's status (401, or 503 for auth_unavailable).
 */
export function requireUser(verifier: AuthVerifier): RequestHandler {
  return async (req, _res, next) => {
    try {
      req.user = await verifier.verify(bearerFromHeader(req.headers.authorization));
    } catch (err) {
      next(err);
      return;
    }
    next();
  };
}

/** What a socket.io client sees as `connect_error.data`. */
export interface SocketAuthErrorData {
  code: string;
  message: string;
}

/** socket.io delivers `data` of a middleware error to the client's `connect_error` listener. */
export class SocketAuthError extends Error {
  constructor(readonly data: SocketAuthErrorData) {
    super(data.message);
    this.name = 'SocketAuthError';
  }
}

/** The parts of a socket.io Socket this middleware uses (structural, so any typed Server fits). */
export interface AuthenticatableSocket {
  handshake: { auth: Record<string, unknown> };
  data: { user?: AuthUser };
}

/**
 * socket.io middleware (`io.use(socketAuth(verifier))`): verifies `handshake.auth.token` (the raw
 * ID token, no "Bearer ") once per connection and sets `socket.data.user`. Joining `user:<uid>`
 * is left to the connection handler. The connection is refused with a SocketAuthError otherwise.
 */
export function socketAuth(verifier: AuthVerifier) {
  return (socket: AuthenticatableSocket, next: (err?: Error) => void): void => {
    const token = socket.handshake.auth.token;
    const verified = typeof token === 'string' && token.trim() !== ''
      ? verifier.verify(token)
      : Promise.reject(new AuthError('auth_missing'));
    verified.then(
      (user) => {
        socket.data.user = user;
        next();
      },
      (err: unknown) => {
        next(new SocketAuthError(isAppError(err)
          ? { code: err.code, message: err.message }
          : { code: 'auth_unavailable', message: 'Sign-in could not be checked right now; retry shortly.' }));
      },
    );
  };
}
