/** Groups transcript words into speaker turns and marks the words that are fillers or hedges. */
import type { Report, TranscriptWord } from './types';

export type Mark = 'filler' | 'hedge' | undefined;
export interface Turn { speaker: string; start: number; words: { text: string; mark: Mark }[] }

function markIndices(words: TranscriptWord[], items: { word: string; start: number }[]): Set<number> {
  const marked = new Set<number>();
  let j = 0;
  const sorted = [...items].sort((a, b) => a.start - b.start);
  for (const item of sorted) {
    while (j < words.length && words[j]!.start < item.start - 0.011) j++;
    const n = item.word.split(/\s+/).length;
    for (let k = 0; k < n && j + k < words.length; k++) marked.add(j + k);
  }
  return marked;
}

export function buildTurns(words: TranscriptWord[], report: Pick<Report, 'metrics'>): Turn[] {
  const fillers = markIndices(words, report.metrics.fillers.items);
  const hedges = markIndices(words, report.metrics.hedges.items);
  const turns: Turn[] = [];
  words.forEach((w, i) => {
    const speaker = w.speaker ?? 'Speaker';
    let turn = turns[turns.length - 1];
    if (!turn || turn.speaker !== speaker) {
      turn = { speaker, start: w.start, words: [] };
      turns.push(turn);
    }
    turn.words.push({ text: w.text, mark: fillers.has(i) ? 'filler' : hedges.has(i) ? 'hedge' : undefined });
  });
  return turns;
}
