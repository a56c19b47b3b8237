/**
 * Serves the built web app (web/dist) with an SPA fallback, and the runtime config it reads at start
 * (`GET /config.json`: the Firebase project, whether Google sign-in is offered and, locally, the
 * Auth Emulator host).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import helmet from 'helmet';
import type { Config } from '../config.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
const API_PREFIXES = ['/api/', '/files', '/socket.io', '/healthz', '/readyz', '/metrics'];

export function webConfig(config: Config, env: NodeJS.ProcessEnv = process.env) {
  const emulatorHost = env.FIREBASE_AUTH_EMULATOR_HOST;
  return {
    firebase: {
      apiKey: env.FIREBASE_WEB_API_KEY ?? 'demo',
      authDomain: env.FIREBASE_AUTH_DOMAIN ?? `${config.FIREBASE_PROJECT_ID}.firebaseapp.com`,
      projectId: config.FIREBASE_PROJECT_ID,
      ...(emulatorHost && { emulatorHost }),
    },
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    googleSignIn: config.AUTH_GOOGLE_ENABLED,
  };
}

/**
 * Content-Security-Policy of the SPA. The Firebase SDK talks to Firebase Auth (the emulator locally);
 * Google sign-in (signInWithPopup) also loads Google's gapi loader and embeds the auth domain's
 * relay iframe (the emulator's, locally), so those are allowed only when Google sign-in is on.
 */
export function cspDirectives(config: Config, env: NodeJS.ProcessEnv = process.env): Record<string, string[]> {
  const { firebase, googleSignIn } = webConfig(config, env);
  const emulator = firebase.emulatorHost ? [`http://${firebase.emulatorHost}`] : [];
  return {
    'connect-src': ["'self'", 'https://identitytoolkit.googleapis.com', 'https://securetoken.googleapis.com', ...emulator],
    'img-src': ["'self'", 'data:', 'blob:'],
    ...(googleSignIn && {
      'script-src': ["'self'", 'https://apis.google.com'],
      'frame-src': ["'self'", `https://${firebase.authDomain}`, ...emulator],
    }),
  };
}

export function webRouter(config: Config, dist = WEB_DIST): Router {
  const r = Router();
  const csp = helmet.contentSecurityPolicy({ directives: cspDirectives(config) });
  r.get('/config.json', (_req, res) => void res.set('cache-control', 'no-store').json(webConfig(config)));
  if (!fs.existsSync(path.join(dist, 'index.html'))) return r;
  r.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  r.get(/.*/, csp, (req, res, next) => {
    if (API_PREFIXES.some((p) => req.path.startsWith(p)) || path.extname(req.path)) return next();
    res.set('cache-control', 'no-cache').sendFile(path.join(dist, 'index.html'));
  });
  return r;
}
