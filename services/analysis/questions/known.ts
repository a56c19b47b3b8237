/**
 * Questions whose text and kind are known in advance (a live practice's question set, issue 17).
 * The kind inferred from a question's wording (kind.ts) is a guess; the set's kind was chosen with
 * the question, so a detected ask that is one of the known questions takes the known kind.
 *
 * Matching is on plain text (case, punctuation and spacing ignored). The detector may quote only
 * part of a turn (turn.ts drops acknowledgements before and remarks after the asking sentences), so
 * an ask matches a known question when either text contains the other, on word boundaries; of
 * several matches the longest shared text wins ("Tell me about yourself." inside a longer known
 * question that starts the same way loses to that question when the ask quotes it whole).
 */
import { plain } from './acts.js';
import { QUESTION_KINDS, type QuestionKind } from './kind.js';

export interface KnownQuestion {
  readonly text: string;
  /** Not a QuestionKind (or absent): the kind is inferred as for any question. */
  readonly kind?: string;
}

const isKind = (k: string | undefined): k is QuestionKind => (QUESTION_KINDS as readonly string[]).includes(k ?? '');
// Padded so containment is on whole words ("why" is not inside "whyever").
const norm = (text: string): string => ` ${plain(text)} `;

/** The known kind of the question `askText` quotes, if it quotes one with a kind. */
export function knownKind(askText: string, known: readonly KnownQuestion[] | undefined): QuestionKind | undefined {
  if (!known?.length) return undefined;
  const ask = norm(askText);
  if (ask.trim() === '') return undefined;
  let best: { kind: QuestionKind; shared: number; extra: number } | undefined;
  for (const q of known) {
    if (!isKind(q.kind)) continue;
    const k = norm(q.text);
    if (k.trim() === '' || !(ask.includes(k) || k.includes(ask))) continue;
    const shared = Math.min(ask.length, k.length);
    // Equal shared text (the ask is a trimmed part of both): the closer question is the likelier.
    const extra = Math.abs(ask.length - k.length);
    if (!best || shared > best.shared || (shared === best.shared && extra < best.extra)) best = { kind: q.kind, shared, extra };
  }
  return best?.kind;
}
