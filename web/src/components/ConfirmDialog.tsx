/**
 * A modal confirmation for destructive actions (role=alertdialog). Focus starts on Cancel (the safe
 * choice), Tab stays inside, Escape or the backdrop cancels, and focus returns to the button that
 * opened it. `requireText` makes the user type a word first, for actions that erase everything.
 */
import { createSignal, createUniqueId, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { Portal } from 'solid-js/web';

export interface ConfirmDialogProps {
  title: string;
  children: JSX.Element;
  confirmLabel: string;
  requireText?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const id = createUniqueId();
  const [typed, setTyped] = createSignal('');
  const ready = () => !props.busy && (!props.requireText || typed().trim() === props.requireText);
  const opener = document.activeElement as HTMLElement | null;
  let box!: HTMLDivElement;
  let cancel!: HTMLButtonElement;

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onCancel();
    } else if (e.key === 'Tab') {
      const items = [...box.querySelectorAll<HTMLElement>('input, button:not([disabled])')];
      const first = items[0];
      const last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last?.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first?.focus(); }
    }
  };
  onMount(() => (box.querySelector<HTMLInputElement>('input') ?? cancel).focus());
  onCleanup(() => opener?.focus?.());

  return (
    <Portal>
      <div class="modal-backdrop" onClick={(e) => { if (e.target === e.currentTarget) props.onCancel(); }}>
        <div ref={box} class="modal card" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} onKeyDown={onKey}>
          <h2 id={`${id}-t`}>{props.title}</h2>
          <div id={`${id}-d`} class="modal-body">{props.children}</div>
          <form onSubmit={(e) => { e.preventDefault(); if (ready()) props.onConfirm(); }}>
            <Show when={props.requireText}>
              {(word) => (
                <>
                  <label for={`${id}-c`}>Type <strong>{word()}</strong> to confirm</label>
                  <input id={`${id}-c`} autocomplete="off" spellcheck={false} value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} />
                </>
              )}
            </Show>
            <div class="modal-actions">
              <button ref={cancel} type="button" class="btn" onClick={() => props.onCancel()}>Cancel</button>
              <button type="submit" class="btn danger" disabled={!ready()}>{props.busy ? 'Working…' : props.confirmLabel}</button>
            </div>
          </form>
        </div>
      </div>
    </Portal>
  );
}
