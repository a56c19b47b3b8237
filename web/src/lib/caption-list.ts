/**
 * The live captions and nudges the practice page keeps (issue 17): captions of one segment replace
 * each other (interim, then final), segments stay in order, and only the last `max` lines are kept.
 */
export interface CaptionLine { segment: number; text: string; final: boolean; question: number }

export const MAX_CAPTION_LINES = 50;
export const MAX_NUDGES = 3;

export function addCaption<T extends CaptionLine>(lines: readonly T[], c: T, max = MAX_CAPTION_LINES): T[] {
  let i = lines.length - 1;
  while (i >= 0 && lines[i]!.segment > c.segment) i--;
  const same = i >= 0 && lines[i]!.segment === c.segment;
  // A late interim caption must not replace its segment's final one.
  if (same && lines[i]!.final && !c.final) return lines as T[];
  // Older than everything kept, with the list full: it would be trimmed at once.
  if (!same && i < 0 && lines.length >= max) return lines as T[];
  const next = [...lines.slice(0, same ? i : i + 1), c, ...lines.slice(i + 1)];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** Newest first; the same message twice in a row is shown once. */
export function addNudge<T extends { kind: string; message: string }>(nudges: readonly T[], n: T, max = MAX_NUDGES): T[] {
  const rest = nudges.filter((x, i) => !(i === 0 && x.kind === n.kind && x.message === n.message));
  return [n, ...rest].slice(0, max);
}
