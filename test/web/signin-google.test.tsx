/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["browser", "development"]}
 */
/**
 * The sign-in page offers "Continue with Google" only when /config.json says so, and the button runs
 * the Firebase popup flow with a GoogleAuthProvider. The Firebase SDK is replaced by a recorder here
 * (jsdom cannot open popups); test/e2e-web/google-signin.test.ts drives the real SDK in Chromium.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';

class GoogleAuthProvider {
  params: Record<string, string> = {};
  setCustomParameters(p: Record<string, string>) {
    this.params = p;
    return this;
  }
}
const resolver = { name: 'browserPopupRedirectResolver' };
const popupCalls: unknown[][] = [];
let popupResult: () => Promise<unknown> = async () => ({ user: { uid: 'g-1' } });

jest.unstable_mockModule('firebase/app', () => ({ initializeApp: () => ({ name: '[DEFAULT]' }) }));
jest.unstable_mockModule('firebase/auth', () => ({
  browserLocalPersistence: {},
  indexedDBLocalPersistence: {},
  browserPopupRedirectResolver: resolver,
  GoogleAuthProvider,
  initializeAuth: () => ({ currentUser: null }),
  connectAuthEmulator: () => undefined,
  onIdTokenChanged: (_auth: unknown, cb: (u: null) => void) => { cb(null); return () => undefined; },
  signInWithPopup: (...args: unknown[]) => { popupCalls.push(args); return popupResult(); },
  signInWithEmailAndPassword: async () => ({}),
  createUserWithEmailAndPassword: async () => ({}),
  signOut: async () => undefined,
}));

type TestingLibrary = typeof import('@solidjs/testing-library');
// Loaded inside tests (isolated), where it may not register hooks; afterEach below unmounts instead.
process.env.STL_SKIP_AUTO_CLEANUP = '1';
let tl: TestingLibrary;
let unmount = () => {};

/**
 * Loads a fresh copy of the app (the config is cached per module instance) and renders SignIn.
 * Solid, the router and the testing library all come from that one isolated registry, so this file
 * has no JSX (compiled JSX would bind to another Solid instance).
 */
async function renderSignIn(config: Record<string, unknown>) {
  globalThis.fetch = (async (url: string) => {
    if (url !== '/config.json') throw new Error(`unexpected fetch ${url}`);
    const body = { firebase: { apiKey: 'demo', authDomain: 'demo.firebaseapp.com', projectId: 'demo' }, maxUploadBytes: 1e9, ...config };
    return { ok: true, status: 200, json: async () => body }; // jsdom has no Response
  }) as unknown as typeof fetch;
  // Each isolated load brings its own Solid on purpose; its "multiple instances" guard would only warn.
  delete (globalThis as { Solid$$?: boolean }).Solid$$;
  let mods!: [TestingLibrary, typeof import('solid-js'), typeof import('@solidjs/router'), typeof import('../../web/src/pages/SignIn'), typeof import('../../web/src/stores/auth')];
  await jest.isolateModulesAsync(async () => {
    mods = await Promise.all([import('@solidjs/testing-library'), import('solid-js'), import('@solidjs/router'), import('../../web/src/pages/SignIn'), import('../../web/src/stores/auth')]);
  });
  const [lib, { createComponent }, { Router, Route }, { default: SignIn }, { initAuth }] = mods;
  tl = lib;
  await initAuth();
  unmount = tl.render(() => createComponent(Router, { get children() { return createComponent(Route, { path: '*', component: SignIn }); } })).unmount;
  await tl.screen.findByRole('heading', { name: 'Welcome back' });
  // The config arrives asynchronously; let its resource settle before asserting absence.
  await new Promise((r) => setTimeout(r, 20));
}

afterEach(() => {
  unmount();
  popupCalls.length = 0;
});

describe('sign-in with Google', () => {
  it('is not offered when the server has it disabled', async () => {
    await renderSignIn({ googleSignIn: false });
    expect(tl.screen.queryByRole('button', { name: /Continue with Google/ })).toBeNull();
    expect(tl.screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('is not offered by an older server that does not mention it', async () => {
    await renderSignIn({});
    expect(tl.screen.queryByRole('button', { name: /Continue with Google/ })).toBeNull();
  });

  it('runs the popup flow with a GoogleAuthProvider when enabled', async () => {
    await renderSignIn({ googleSignIn: true });
    tl.fireEvent.click(await tl.screen.findByRole('button', { name: /Continue with Google/ }));
    await tl.waitFor(() => expect(popupCalls).toHaveLength(1));
    const [, provider, usedResolver] = popupCalls[0]!;
    expect(provider).toBeInstanceOf(GoogleAuthProvider);
    expect((provider as GoogleAuthProvider).params).toEqual({ prompt: 'select_account' });
    expect(usedResolver).toBe(resolver);
  });

  it('explains a closed popup or blocked window in words', async () => {
    await renderSignIn({ googleSignIn: true });
    popupResult = async () => { throw Object.assign(new Error('Firebase: Error (auth/popup-blocked).'), { code: 'auth/popup-blocked' }); };
    tl.fireEvent.click(await tl.screen.findByRole('button', { name: /Continue with Google/ }));
    expect((await tl.screen.findByRole('alert')).textContent).toMatch(/blocked the Google sign-in window/);
    expect(tl.screen.getByRole('button', { name: /Continue with Google/ }).hasAttribute('disabled')).toBe(false);
  });
});
