/** Live captions (an aria-live log, the last 50 lines) and the latest gentle nudges (issue 17). */
import { createEffect, For, on, Show } from 'solid-js';
import type { LiveCaption, LiveNudge } from '../../../services/api/live.contract';

export function LiveCaptions(props: { captions: LiveCaption[] }) {
  let box: HTMLDivElement | undefined;
  // Follow the newest line, unless the user scrolled up to read.
  let follow = true;
  createEffect(on(() => props.captions, () => { if (box && follow) box.scrollTop = box.scrollHeight; }));
  return (
    <section class="card live-captions" aria-labelledby="h-captions">
      <h2 id="h-captions">Live captions</h2>
      <div class="captions" role="log" aria-live="polite" aria-label="Live captions" ref={box}
        onScroll={() => { if (box) follow = box.scrollHeight - box.scrollTop - box.clientHeight < 40; }}>
        <Show when={props.captions.length} fallback={<p class="muted">Captions of what you say appear here, a few seconds behind.</p>}>
          <For each={props.captions}>{(c) => (
            <p class={c.final ? 'caption' : 'caption interim'} data-testid="live-caption" data-final={String(c.final)} data-question={c.question}>{c.text}</p>
          )}</For>
        </Show>
      </div>
    </section>
  );
}

export function LiveNudges(props: { nudges: LiveNudge[] }) {
  return (
    <div class="nudges" role="status" aria-label="Nudges">
      <For each={props.nudges}>{(n) => <p class="nudge" data-testid="live-nudge" data-kind={n.kind}>{n.message}</p>}</For>
    </div>
  );
}
