/**
 * Prints a Firebase ID token for a local account: `npm run dev-token -- alice@example.com`.
 *
 * Talks to the Auth Emulator's Identity Toolkit REST API at FIREBASE_AUTH_EMULATOR_HOST (default
 * 127.0.0.1:9099; start it with `node --import tsx scripts/firebase-emulator.ts`). The account is
 * created on first use, and signed into afterwards, with the fixed dev password DEV_PASSWORD below,
 * so the same email always maps to the same uid (as long as the emulator keeps its data dir).
 * Use the token as `Authorization: Bearer <token>`; it expires after one hour.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { AppError } from '../services/shared/errors.js';

/** Every dev account's password. Emulator only — the emulator accepts any API key ("any"). */
export const DEV_PASSWORD = 'interview-buddy-dev';
const DEFAULT_HOST = '127.0.0.1:9099';

const tokenResponse = z.object({ idToken: z.string().min(1), localId: z.string().min(1) });
const errorResponse = z.object({ error: z.object({ message: z.string() }) });

export async function getDevToken(email: string, host: string): Promise<{ idToken: string; uid: string }> {
  const parsedEmail = z.email().safeParse(email);
  if (!parsedEmail.success) throw new AppError('invalid_email', `"${email}" is not an email address`);
  const credentials = { email: parsedEmail.data, password: DEV_PASSWORD, returnSecureToken: true };
  const signUp = await identityToolkit(host, 'accounts:signUp', credentials);
  if (signUp.ok) return signUp.session;
  // The emulator answers EMAIL_EXISTS for an account made earlier: sign into it instead.
  if (!signUp.error.startsWith('EMAIL_EXISTS')) {
    throw new AppError('dev_token_failed', `signUp for ${email} failed: ${signUp.error}`, 502);
  }
  const signIn = await identityToolkit(host, 'accounts:signInWithPassword', credentials);
  if (signIn.ok) return signIn.session;
  throw new AppError('dev_token_failed', `signInWithPassword for ${email} failed: ${signIn.error}` +
    ' (an account made with another password cannot be used here)', 502);
}

type ToolkitResult = { ok: true; session: { idToken: string; uid: string } } | { ok: false; error: string };

async function identityToolkit(host: string, method: string, body: object): Promise<ToolkitResult> {
  let res: Response;
  try {
    res = await fetch(`http://${host}/identitytoolkit.googleapis.com/v1/${method}?key=any`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new AppError('emulator_unreachable', `The Firebase Auth Emulator is not reachable at ${host} ` +
      `(${(err as Error).cause ?? (err as Error).message}). Start it with: node --import tsx scripts/firebase-emulator.ts`, 503);
  }
  const json: unknown = await res.json().catch(() => undefined);
  const ok = tokenResponse.safeParse(json);
  if (res.ok && ok.success) return { ok: true, session: { idToken: ok.data.idToken, uid: ok.data.localId } };
  const failure = errorResponse.safeParse(json);
  return { ok: false, error: failure.success ? failure.data.error.message : `HTTP ${res.status}` };
}

async function main(): Promise<void> {
  const email = process.argv[2];
  if (email === undefined) {
    console.error('usage: npm run dev-token -- <email>');
    process.exit(2);
  }
  const host = process.env.FIREBASE_AUTH_EMULATOR_HOST || DEFAULT_HOST;
  const { idToken } = await getDevToken(email, host);
  console.log(idToken);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`dev-token: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
