import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, Show } from 'solid-js';
import { Logo } from '../components/Shell';
import { loadConfig } from '../lib/config';
import { authState, signIn, signInWithGoogle, signUp } from '../stores/auth';

/** Google's four colours on a hand-drawn "G" (arcs of one circle and the bar). */
const GoogleMark = () => (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke-width="3.4">
    <path d="M17.66 6.34A8 8 0 0 0 5.07 8" stroke="#ea4335" />
    <path d="M5.07 8a8 8 0 0 0 0 8" stroke="#fbbc05" />
    <path d="M5.07 16a8 8 0 0 0 12.59 1.66" stroke="#34a853" />
    <path d="M17.66 17.66A8 8 0 0 0 20 12h-8" stroke="#4285f4" />
  </svg>
);

export default function SignIn() {
  const [mode, setMode] = createSignal<'signin' | 'signup'>('signin');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  createEffect(() => {
    const next = typeof params.next === 'string' && params.next.startsWith('/') ? params.next : '/';
    if (authState.user()) navigate(next, { replace: true });
  });
  const [config] = createResource(loadConfig);
  const google = async () => {
    setError('');
    setBusy(true);
    try {
      await signInWithGoogle();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setError('');
    setBusy(true);
    try {
      const email = String(form.get('email'));
      const password = String(form.get('password'));
      await (mode() === 'signin' ? signIn(email, password) : signUp(email, password));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="auth-page">
      <section class="auth-pitch" aria-hidden="true">
        <Logo />
        <h2>Hear how you really come across.</h2>
        <ul>
          <li><strong>Pace, fillers and pauses</strong> measured against research-backed ranges</li>
          <li><strong>Every answer</strong> checked for Situation, Task, Action, Result</li>
          <li><strong>Private by design</strong>: your recording is never played back or shared</li>
        </ul>
      </section>
      <main class="auth-card" id="main">
        <h1>{mode() === 'signin' ? 'Welcome back' : 'Create your account'}</h1>
        <p class="muted">{mode() === 'signin' ? 'Sign in to see your interview feedback.' : 'Free to start. Your first report takes a few minutes.'}</p>
        <Show when={config()?.googleSignIn}>
          <button class="btn block google" type="button" disabled={busy()} onClick={() => void google()}><GoogleMark />Continue with Google</button>
          <p class="divider" role="separator"><span>or with email</span></p>
        </Show>
        <form onSubmit={submit} novalidate={false}>
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="email" required />
          <label for="password">Password</label>
          <input id="password" name="password" type="password" minlength="6" required autocomplete={mode() === 'signin' ? 'current-password' : 'new-password'} />
          <Show when={error()}><p class="error" role="alert">{error()}</p></Show>
          <button class="btn primary block" type="submit" disabled={busy()}>{busy() ? 'Please wait…' : mode() === 'signin' ? 'Sign in' : 'Create account'}</button>
        </form>
        <p class="switch">
          {mode() === 'signin' ? 'New here?' : 'Already have an account?'}{' '}
          <button class="link" type="button" onClick={() => { setMode(mode() === 'signin' ? 'signup' : 'signin'); setError(''); }}>
            {mode() === 'signin' ? 'Create an account' : 'Sign in'}
          </button>
        </p>
      </main>
    </div>
  );
}
