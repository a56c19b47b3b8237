/**
 * The summary paragraph: counts only, no judgement words the numbers do not back. It names how many
 * questions were answered, typical length and how many fell outside their range, which STAR part
 * was most often missing, and prep coverage.
 */
import type { Answer, PrepPoint } from './content.schema.js';
import { STAR_PARTS } from './star.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `stories` flags the answers to behavioural questions: only those are expected to follow STAR. */
export function summarize(answers: readonly Answer[], stories: readonly boolean[], prep: readonly PrepPoint[] | undefined): string {
  const parts: string[] = [];
  if (answers.length === 0) {
    parts.push('No interview questions were detected, so there are no answers to assess (a single-speaker recording needs the questions read aloud, e.g. "Tell me about a time…").');
  } else {
    const secs = answers.map((a) => a.durationSec).sort((a, b) => a - b);
    const median = secs[Math.floor((secs.length - 1) / 2)]!;
    const long = answers.filter((a) => a.length.verdict === 'long').length;
    const short = answers.filter((a) => a.length.verdict === 'short').length;
    parts.push(`You answered ${plural(answers.length, 'question')}; the typical answer lasted ${Math.round(median)} s (${long} long, ${short} short against the recommended range).`);
    const story = answers.filter((_, i) => stories[i]);
    const complete = story.filter((a) => STAR_PARTS.every((p) => a.star[p].present)).length;
    const missing = STAR_PARTS.map((p) => ({ p, n: story.filter((a) => !a.star[p].present).length })).sort((a, b) => b.n - a.n)[0]!;
    if (story.length > 0) {
      parts.push(
        missing.n === 0
          ? `All ${plural(story.length, 'story answer')} covered situation, task, action and result.`
          : `${complete} of ${plural(story.length, 'story answer')} covered all four STAR parts; the part most often missing was the ${missing.p} (${missing.n} of ${story.length}).`,
      );
    }
  }
  if (prep && prep.length > 0) {
    const n = (s: PrepPoint['status']): number => prep.filter((p) => p.status === s).length;
    parts.push(`Of ${plural(prep.length, 'prepared point')}, ${n('covered')} covered, ${n('partial')} partly covered and ${n('missed')} missed.`);
  }
  return parts.join(' ');
}
