import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { formatDate, formatDuration, percent, STATUS_LABEL } from '../lib/format';
import type { InterviewSummary } from '../lib/types';
import { interviews, refreshList } from '../stores/interviews';

const busy = (s: string) => !['completed', 'failed', 'created'].includes(s);

function Row(props: { i: InterviewSummary }) {
  const h = () => props.i.headline;
  return (
    <li class="row card" data-interview={props.i.id} data-status={props.i.status}>
      <A href={`/interviews/${props.i.id}`} class="row-link">
        <div class="row-main">
          <h3>{props.i.title}</h3>
          <p class="muted">{formatDate(props.i.createdAt)} · {formatDuration(props.i.durationSec)}</p>
        </div>
        <Show when={h()} fallback={
          <div class="row-status">
            <span class={`status s-${props.i.status}`}>{STATUS_LABEL[props.i.status]}</span>
            <Show when={busy(props.i.status)}>
              <div class="bar small" role="progressbar" aria-label={`${props.i.title} progress`} aria-valuenow={Math.round((props.i.progress ?? 0) * 100)}>
                <span style={{ width: `${Math.round((props.i.progress ?? 0) * 100)}%` }} />
              </div>
            </Show>
          </div>
        }>
          {(hl) => (
            <dl class="headline">
              <div><dt>Pace</dt><dd>{hl().wpm !== undefined ? <>{Math.round(hl().wpm!)} <small>wpm</small></> : '—'}</dd></div>
              <div><dt>Fillers</dt><dd>{hl().fillersPerMinute !== undefined ? <>{hl().fillersPerMinute!.toFixed(1)} <small>/min</small></> : '—'}</dd></div>
              <div><dt>STAR</dt><dd>{hl().starCoverage !== undefined ? percent(hl().starCoverage!) : '—'}</dd></div>
              <div class="hide-phone"><dt>Talk</dt><dd>{percent(hl().talkRatio ?? 0)}</dd></div>
            </dl>
          )}
        </Show>
      </A>
    </li>
  );
}

export default function Dashboard() {
  const [list] = createResource(refreshList);
  return (
    <div class="page">
      <div class="page-head">
        <div>
          <h1>Your interviews</h1>
          <p class="muted">Upload a recording of a mock or real interview and get private, structured feedback.</p>
        </div>
        <A href="/new" class="btn primary">+ New interview</A>
      </div>
      <Show when={!list.error} fallback={<p class="error" role="alert">Could not load your interviews: {(list.error as Error)?.message}</p>}>
        <Show when={interviews.loaded()} fallback={<div class="skeleton" aria-busy="true" />}>
          <Show when={interviews.items.length} fallback={
            <div class="empty card">
              <div class="empty-icon" aria-hidden="true">
                <svg viewBox="0 0 24 24" width="30" height="30" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><rect x="9" y="3" width="6" height="11" rx="3" /><path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21M8.5 21h7" /></svg>
              </div>
              <h2>No interviews yet</h2>
              <p>Record a practice interview on Zoom, Meet or your phone, then upload the file here. In a few minutes you'll see your pace, filler words, pauses and how well each answer follows STAR.</p>
              <A href="/new" class="btn primary">Upload your first interview</A>
            </div>
          }>
            <ul class="rows" aria-label="Interviews">
              <For each={interviews.items}>{(i) => <Row i={i} />}</For>
            </ul>
          </Show>
        </Show>
      </Show>
    </div>
  );
}
