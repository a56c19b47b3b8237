import { createSignal, Show } from 'solid-js';
import { formatBytes } from '../lib/format';

/** A file picker that also takes drag-and-drop; keyboard users get the native input. */
export function DropZone(props: { id: string; label: string; hint: string; accept: string; file?: File; onFile: (f: File) => void; testid?: string }) {
  const [over, setOver] = createSignal(false);
  let input!: HTMLInputElement;
  return (
    <div
      class={`drop ${over() ? 'over' : ''} ${props.file ? 'has-file' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer?.files[0];
        if (f) props.onFile(f);
      }}
    >
      <input ref={input} id={props.id} type="file" class="sr-only" accept={props.accept} data-testid={props.testid}
        onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) props.onFile(f); }} />
      <label for={props.id} class="drop-label">
        <span class="drop-icon" aria-hidden="true">⬆</span>
        <Show when={props.file} fallback={<><strong>{props.label}</strong><span class="muted">{props.hint}</span></>}>
          {(f) => <><strong>{f().name}</strong><span class="muted">{formatBytes(f().size)} · click or drop to replace</span></>}
        </Show>
      </label>
    </div>
  );
}
