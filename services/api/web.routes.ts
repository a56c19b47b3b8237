/**
 * Serves the built web app (web/dist) with an SPA fallback, and the runtime config it reads at start
 * (`GET /config.json`: the Firebase project and, locally, the Auth Emulator host).
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
  };
}

export function webRouter(config: Config, dist = WEB_DIST): Router {
  const r = Router();
  const emulator = process.env.FIREBASE_AUTH_EMULATOR_HOST;
  // The SPA talks to Firebase Auth (the emulator locally) besides its own origin.
  const csp = helmet.contentSecurityPolicy({
    directives: {
      'connect-src': ["'self'", 'https://identitytoolkit.googleapis.com', 'https://securetoken.googleapis.com', ...(emulator ? [`http://${emulator}`] : [])],
      'img-src': ["'self'", 'data:', 'blob:'],
    },
  });
  r.get('/config.json', (_req, res) => void res.set('cache-control', 'no-store').json(webConfig(config)));
  if (!fs.existsSync(path.join(dist, 'index.html'))) return r;
  r.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  r.get(/.*/, csp, (req, res, next) => {
    if (API_PREFIXES.some((p) => req.path.startsWith(p)) || path.extname(req.path)) return next();
    res.set('cache-control', 'no-cache').sendFile(path.join(dist, 'index.html'));
  });
  return r;
}
