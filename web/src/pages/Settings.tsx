import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { WEBHOOK_EVENTS } from '../lib/types';
import { createWebhook, deleteWebhook, eraseEverything, getEmailPrefs, getSettings, listWebhooks, saveEmailPrefs, saveSettings } from '../stores/account';
import { refreshList } from '../stores/interviews';

export default function Settings() {
  const navigate = useNavigate();
  const [settings] = createResource(getSettings);
  const [prefs, { mutate: setPrefs }] = createResource(getEmailPrefs);
  const [hooks, { refetch }] = createResource(listWebhooks);
  const [msg, setMsg] = createSignal('');
  const [error, setError] = createSignal('');
  const [secret, setSecret] = createSignal('');
  const guard = async (fn: () => Promise<unknown>, ok: string) => {
    setError('');
    setMsg('');
    try {
      await fn();
      if (ok) setMsg(ok);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const addHook = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const events = data.getAll('events').map(String);
    await guard(async () => {
      const created = await createWebhook({ url: String(data.get('url')), events, description: String(data.get('description') || '') || undefined });
      setSecret(created.secret);
      form.reset();
      await refetch();
    }, 'Webhook added.');
  };

  return (
    <div class="page narrow">
      <h1>Settings</h1>
      <div aria-live="polite"><Show when={msg()}><p class="success">{msg()}</p></Show><Show when={error()}><p class="error" role="alert">{error()}</p></Show></div>

      <section class="card">
        <h2>Analysis</h2>
        <label for="model">AI model for feedback</label>
        <Show when={settings()} fallback={<select id="model" disabled><option>Loading…</option></select>}>
          <select id="model" value={settings()?.analysisModel ?? 'auto'} onChange={(e) => void guard(() => saveSettings(e.currentTarget.value), 'Model preference saved.')}>
            <option value="auto">Automatic: cheapest model that fits each task</option>
            <option value="economy">Economy: lowest cost</option>
            <option value="premium">Premium: best wording of summary and tips</option>
          </select>
        </Show>
        <p class="muted">Applies when an AI provider is configured; without one, reports are computed entirely on our servers at no cost.</p>
      </section>

      <section class="card">
        <h2>Notifications</h2>
        <label class="check">
          <input type="checkbox" checked={prefs()?.email ?? true} disabled={!prefs()} onChange={(e) => {
            const email = e.currentTarget.checked;
            void guard(async () => setPrefs(await saveEmailPrefs(email)), email ? 'Emails turned on.' : 'Emails turned off.');
          }} />
          Email me when an analysis finishes or fails
        </label>
      </section>

      <section class="card">
        <h2>Webhooks</h2>
        <p class="muted">Send signed (Standard Webhooks) callbacks to your own systems when interviews change.</p>
        <Show when={secret()}>
          <div class="notice"><strong>Signing secret (shown once):</strong> <code>{secret()}</code></div>
        </Show>
        <ul class="hooks">
          <For each={hooks() ?? []} fallback={<li class="muted">No webhooks yet.</li>}>{(h) => (
            <li>
              <div><code>{h.url}</code><p class="muted">{h.events.join(', ')}{h.enabled ? '' : ' · disabled'}</p></div>
              <button class="btn small ghost danger" aria-label={`Delete webhook ${h.url}`} onClick={() => {
                if (confirm(`Delete the webhook to ${h.url}?`)) void guard(async () => { await deleteWebhook(h.id); await refetch(); }, 'Webhook deleted.');
              }}>Delete</button>
            </li>
          )}</For>
        </ul>
        <form class="form" onSubmit={(e) => void addHook(e)}>
          <label for="hook-url">Endpoint URL</label>
          <input id="hook-url" name="url" type="url" required placeholder="https://example.com/hooks/interview-buddy" />
          <label for="hook-desc">Description <span class="muted">(optional)</span></label>
          <input id="hook-desc" name="description" maxlength="500" />
          <fieldset>
            <legend>Events</legend>
            <div class="checks">
              <For each={WEBHOOK_EVENTS}>{(ev) => <label class="check"><input type="checkbox" name="events" value={ev} checked={ev === 'interview.completed' || ev === 'interview.failed'} />{ev}</label>}</For>
            </div>
          </fieldset>
          <button class="btn" type="submit">Add webhook</button>
        </form>
      </section>

      <section class="card danger-zone">
        <h2>Delete all my data</h2>
        <p>Erases every interview (recording, transcript, report), every webhook, your notifications and settings. This cannot be undone.</p>
        <button class="btn danger" onClick={() => {
          const typed = prompt('Type DELETE to erase all your interviews and webhooks.');
          if (typed !== 'DELETE') return;
          void guard(async () => {
            const n = await eraseEverything();
            await refreshList();
            await refetch();
            setMsg(`Erased ${n} interview${n === 1 ? '' : 's'} and all webhooks.`);
            navigate('/settings');
          }, '');
        }}>Delete everything</button>
      </section>
    </div>
  );
}
