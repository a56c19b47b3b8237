import { A, useNavigate } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { authState, signOut } from '../stores/auth';
import { liveConnected } from '../stores/live';

export function Logo() {
  return (
    <span class="logo">
      <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true"><rect width="32" height="32" rx="8" fill="currentColor" /><path d="M9 11h14M9 16h10M9 21h6" stroke="#fff" stroke-width="3" stroke-linecap="round" /></svg>
      Interview Buddy
    </span>
  );
}

export function Shell(props: { children?: JSX.Element }) {
  const navigate = useNavigate();
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="topbar">
        <A href="/" class="brand" aria-label="Interview Buddy home"><Logo /></A>
        <nav aria-label="Main">
          <A href="/" end>Interviews</A>
          <A href="/trends">Trends</A>
          <A href="/questions">Practice questions</A>
          <A href="/practice">Live practice</A>
          <A href="/settings">Settings</A>
        </nav>
        <div class="topbar-right">
          <Show when={liveConnected()}><span class="live" title="Live updates connected"><span class="live-dot" aria-hidden="true" />Live</span></Show>
          <span class="who" title={authState.user()?.email ?? ''}>{authState.user()?.email}</span>
          <button class="btn ghost small" onClick={async () => { await signOut(); navigate('/signin'); }}>Sign out</button>
        </div>
      </header>
      <main id="main" tabindex="-1">{props.children}</main>
    </>
  );
}
