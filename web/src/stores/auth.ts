/**
 * Auth store: the Firebase Web SDK (Auth Emulator locally). Tokens come from getIdToken(), which
 * refreshes them before they expire; sign-out tears down the socket and every cached store.
 */
import { initializeApp } from 'firebase/app';
import {
  browserLocalPersistence, browserPopupRedirectResolver, connectAuthEmulator, createUserWithEmailAndPassword,
  GoogleAuthProvider, indexedDBLocalPersistence, initializeAuth, onIdTokenChanged, signInWithEmailAndPassword,
  signInWithPopup, signOut as fbSignOut, type Auth, type User,
} from 'firebase/auth';
import { createSignal } from 'solid-js';
import { setTokenSource } from '../lib/api';
import { loadConfig } from '../lib/config';

const [user, setUser] = createSignal<User | null>(null);
const [ready, setReady] = createSignal(false);
let auth: Auth | undefined;
const onSignOut: (() => void)[] = [];

export const authState = { user, ready };
/** Stores register what to forget when the user signs out. */
export const whenSignedOut = (fn: () => void) => void onSignOut.push(fn);

export async function initAuth(): Promise<void> {
  const cfg = await loadConfig();
  const app = initializeApp({ apiKey: cfg.firebase.apiKey, authDomain: cfg.firebase.authDomain, projectId: cfg.firebase.projectId });
  auth = initializeAuth(app, { persistence: [indexedDBLocalPersistence, browserLocalPersistence] });
  if (cfg.firebase.emulatorHost) connectAuthEmulator(auth, `http://${cfg.firebase.emulatorHost}`, { disableWarnings: true });
  setTokenSource(async () => (auth?.currentUser ? auth.currentUser.getIdToken() : null));
  await new Promise<void>((resolve) => {
    onIdTokenChanged(auth!, (u) => {
      setUser(u);
      setReady(true);
      resolve();
    });
  });
}

const friendly = (err: unknown): Error => {
  const code = (err as { code?: string }).code ?? '';
  const messages: Record<string, string> = {
    'auth/invalid-credential': 'That email and password do not match an account.',
    'auth/wrong-password': 'That email and password do not match an account.',
    'auth/user-not-found': 'That email and password do not match an account.',
    'auth/email-already-in-use': 'An account with this email already exists. Sign in instead.',
    'auth/weak-password': 'Choose a password of at least 6 characters.',
    'auth/invalid-email': 'Enter a valid email address.',
    'auth/too-many-requests': 'Too many attempts. Wait a minute and try again.',
    'auth/network-request-failed': 'Cannot reach the sign-in service. Check your connection.',
    'auth/popup-blocked': 'Your browser blocked the Google sign-in window. Allow pop-ups for this site and try again.',
    'auth/popup-closed-by-user': 'The Google sign-in window was closed before you finished.',
    'auth/cancelled-popup-request': 'The Google sign-in window was closed before you finished.',
    'auth/account-exists-with-different-credential': 'An account with this email already exists. Sign in with your password.',
    'auth/operation-not-allowed': 'Google sign-in is not enabled for this project.',
    // Also what the popup flow reports when Google's sign-in script cannot be loaded.
    'auth/internal-error': 'Sign-in could not finish. Check your connection and try again.',
    'auth/unauthorized-domain': 'Google sign-in is not allowed from this address. Ask the administrator to add it to Firebase.',
  };
  return new Error(messages[code] ?? (err as Error).message);
};

export async function signIn(email: string, password: string): Promise<void> {
  try {
    await signInWithEmailAndPassword(auth!, email, password);
  } catch (err) {
    throw friendly(err);
  }
}

export async function signUp(email: string, password: string): Promise<void> {
  try {
    await createUserWithEmailAndPassword(auth!, email, password);
  } catch (err) {
    throw friendly(err);
  }
}

/** Google sign-in in a popup (the Auth Emulator shows its own fake account chooser locally). */
export async function signInWithGoogle(): Promise<void> {
  try {
    const provider = new GoogleAuthProvider();
    provider.setCustomParameters({ prompt: 'select_account' });
    await signInWithPopup(auth!, provider, browserPopupRedirectResolver);
  } catch (err) {
    throw friendly(err);
  }
}

export async function signOut(): Promise<void> {
  for (const fn of onSignOut) fn();
  await fbSignOut(auth!);
}
