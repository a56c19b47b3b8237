import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { Logo } from '../components/Shell';
import { authState, signIn, signUp } from '../stores/auth';

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
