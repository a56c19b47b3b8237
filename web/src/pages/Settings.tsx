import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { WEBHOOK_EVENTS, type Webhook } from '../lib/types';
import { createWebhook, deleteWebhook, eraseEverything, getEmailPrefs, getSettings, listWebhooks, saveEmailPrefs, saveSettings } from '../stores/account';
import { refreshList } from '../stores/interviews';

type Section = 'analysis' | 'notifications' | 'webhooks' | 'erase';
interface Note { section: Section; ok: boolean; text: string }

/** The outcome of the last action, shown inside the section it belongs to (where the user is looking). */
function NoteView(props: { note?: Note; section: Section }): JSX.Element {
  return (
    <div aria-live="polite">
      <Show when={props.note?.section === props.section ? props.note : undefined}>
        {(n) => <p class={n().ok ? 'success' : 'error'} role={n().ok ? 'status' : 'alert'}>{n().text}</p>}
      </Show>
    </div>
  );
}

export default function Settings() {
  const [settings, { mutate: setSettings, refetch: refetchSettings }] = createResource(getSettings);
  const [prefs, { mutate: setPrefs, refetch: refetchPrefs }] = createResource(getEmailPrefs);
  const [hooks, { refetch }] = createResource(listWebhooks);
  const [note, setNote] = createSignal<Note>();
  const [secret, setSecret] = createSignal('');
  const [copied, setCopied] = createSignal(false);
  const [removing, setRemoving] = createSignal<Webhook>();
  const [erasing, setErasing] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  /** Runs an action and reports its outcome in `section`; returns whether it succeeded. */
  const run = async (section: Section, fn: () => Promise<string>): Promise<boolean> => {
    setNote(undefined);
    setBusy(true);
    try {
      setNote({ section, ok: true, text: await fn() });
      return true;
    } catch (err) {
      setNote({ section, ok: false, text: (err as Error).message });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const addHook = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    await run('webhooks', async () => {
      const events = data.getAll('events').map(String);
      if (!events.length) throw new Error('Choose at least one event to send.');
      const created = await createWebhook({ url: String(data.get('url')).trim(), events, description: String(data.get('description') ?? '').trim() || undefined });
      setSecret(created.secret);
      setCopied(false);
      // Clear only the text fields: form.reset() would also untick the default events.
      for (const name of ['url', 'description']) (form.elements.namedItem(name) as HTMLInputElement).value = '';
      await refetch();
      return 'Webhook added. Copy its signing secret now: it is not shown again.';
    });
  };

  return (
    <div class="page narrow">
      <h1>Settings</h1>

      <section class="card" aria-labelledby="s-analysis">
        <h2 id="s-analysis">Analysis</h2>
        <label for="model">AI model for feedback</label>
        <Show when={settings()} fallback={<select id="model" disabled><option>Loading…</option></select>}>
          <select id="model" value={settings()?.analysisModel ?? 'auto'} onChange={(e) => {
            const choice = e.currentTarget.value;
            void run('analysis', async () => { setSettings(await saveSettings(choice)); return 'Model preference saved. It applies to your next analysis.'; });
          }}>
            <option value="auto">Automatic: cheapest model that fits each task</option>
            <option value="economy">Economy: lowest cost</option>
            <option value="premium">Premium: best wording of summary and tips</option>
          </select>
        </Show>
        <p class="muted hint">Applies when an AI provider is configured; without one, reports are computed entirely on our servers at no cost.</p>
        <NoteView note={note()} section="analysis" />
      </section>

      <section class="card" aria-labelledby="s-notifications">
        <h2 id="s-notifications">Notifications</h2>
        <label class="check">
          <input type="checkbox" checked={prefs()?.email ?? true} disabled={!prefs()} onChange={(e) => {
            const email = e.currentTarget.checked;
            void run('notifications', async () => { setPrefs(await saveEmailPrefs(email)); return email ? 'Emails turned on.' : 'Emails turned off. You still see updates in the app.'; });
          }} />
          Email me when an analysis finishes or fails
        </label>
        <NoteView note={note()} section="notifications" />
      </section>

      <section class="card" aria-labelledby="s-webhooks">
        <h2 id="s-webhooks">Webhooks</h2>
        <p class="muted">Send signed (Standard Webhooks) callbacks to your own systems when interviews change.</p>
        <NoteView note={note()} section="webhooks" />
        <Show when={secret()}>
          <div class="notice secret" data-testid="webhook-secret">
            <div><strong>Signing secret (shown once):</strong> <code>{secret()}</code></div>
            <Show when={navigator.clipboard}>
              <button class="btn small" type="button" onClick={() => void navigator.clipboard.writeText(secret()).then(() => setCopied(true), () => setCopied(false))}>{copied() ? 'Copied' : 'Copy'}</button>
            </Show>
          </div>
        </Show>
        <ul class="hooks" aria-label="Your webhooks">
          <For each={hooks() ?? []} fallback={<li class="muted empty-row">No webhooks yet.</li>}>{(h) => (
            <li data-webhook={h.id}>
              <div><code>{h.url}</code><p class="muted">{h.description ? `${h.description} · ` : ''}{h.events.join(', ')}{h.enabled ? '' : ' · disabled'}</p></div>
              <button class="btn small ghost danger" aria-label={`Delete webhook ${h.url}`} onClick={() => setRemoving(h)}>Delete</button>
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
          <button class="btn" type="submit" disabled={busy()}>Add webhook</button>
        </form>
      </section>

      <section class="card danger-zone" aria-labelledby="s-erase">
        <h2 id="s-erase">Delete all my data</h2>
        <p>Erases every interview (recording, transcript, report), every webhook, your notifications and settings. This cannot be undone.</p>
        <NoteView note={note()} section="erase" />
        <Show when={note()?.section === 'erase' && note()?.ok}><p><A href="/" class="btn">Go to your (empty) dashboard</A></p></Show>
        <button class="btn danger" onClick={() => setErasing(true)}>Delete everything</button>
      </section>

      <Show when={removing()}>
        {(h) => (
          <ConfirmDialog title="Delete this webhook?" confirmLabel="Delete webhook" busy={busy()} onCancel={() => setRemoving(undefined)} onConfirm={() => {
            void run('webhooks', async () => { await deleteWebhook(h().id); await refetch(); return 'Webhook deleted.'; }).then(() => setRemoving(undefined));
          }}>
            <p>Events stop going to <code>{h().url}</code> right away, and its delivery log is removed.</p>
          </ConfirmDialog>
        )}
      </Show>
      <Show when={erasing()}>
        <ConfirmDialog title="Delete all your data?" confirmLabel="Erase everything" requireText="DELETE" busy={busy()} onCancel={() => setErasing(false)} onConfirm={() => {
          void run('erase', async () => {
            const n = await eraseEverything();
            setSecret('');
            await Promise.all([refreshList(), refetch(), refetchSettings(), refetchPrefs()]);
            return `Erased ${n} interview${n === 1 ? '' : 's'} and all webhooks.`;
          }).then(() => setErasing(false));
        }}>
          <p>Every interview, recording, transcript, report and webhook of this account is erased for good.</p>
        </ConfirmDialog>
      </Show>
    </div>
  );
}
