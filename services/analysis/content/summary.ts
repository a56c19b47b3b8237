/**
 * The summary paragraph: counts only, no judgement words the numbers do not back. It names how many
 * questions were answered, typical length (in seconds when the transcript has word times, else in
 * words) and how many fell outside their range, which STAR part was most often missing among the
 * answers that were expected to be stories, and prep coverage.
 */
import type { Answer, PrepPoint } from './content.schema.js';
import { STAR_PARTS } from './star.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function lengthSentence(answers: readonly Answer[]): string {
  const secs = answers.flatMap((a) => (a.durationSec === undefined ? [] : [a.durationSec]));
  const answered = `You answered ${plural(answers.length, 'question')}`;
  if (secs.length === 0) return `${answered}; the typical answer was ${plural(Math.round(median(answers.map((a) => a.wordCount))), 'word')} long.`;
  const long = answers.filter((a) => a.length?.verdict === 'long').length;
  const short = answers.filter((a) => a.length?.verdict === 'short').length;
  return `${answered}; the typical answer lasted ${Math.round(median(secs))} s (${long} long, ${short} short against the recommended range).`;
}

function starSentence(answers: readonly Answer[]): string | undefined {
  const story = answers.filter((a) => a.starExpected);
  if (story.length === 0) return undefined;
  const complete = story.filter((a) => STAR_PARTS.every((p) => a.star[p].present)).length;
  const missing = STAR_PARTS.map((p) => ({ p, n: story.filter((a) => !a.star[p].present).length })).sort((a, b) => b.n - a.n)[0]!;
  return missing.n === 0
    ? `All ${plural(story.length, 'story answer')} covered situation, task, action and result.`
    : `${complete} of ${plural(story.length, 'story answer')} covered all four STAR parts; the part most often missing was the ${missing.p} (${missing.n} of ${story.length}).`;
}

export function summarize(answers: readonly Answer[], prep: readonly PrepPoint[] | undefined): string {
  const parts: string[] = [];
  if (answers.length === 0) {
    parts.push('No interview questions were detected, so there are no answers to assess (a single-speaker recording needs the questions read aloud, e.g. "Tell me about a time…").');
  } else {
    parts.push(lengthSentence(answers));
    const star = starSentence(answers);
    if (star) parts.push(star);
  }
  if (prep && prep.length > 0) {
    const n = (s: PrepPoint['status']): number => prep.filter((p) => p.status === s).length;
    parts.push(`Of ${plural(prep.length, 'prepared point')}, ${n('covered')} covered, ${n('partial')} partly covered and ${n('missed')} missed.`);
  }
  return parts.join(' ');
}
