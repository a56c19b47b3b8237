/**
 * The summary paragraph: counts only, no judgement words the numbers do not back. It names how many
 * questions were answered, typical length (in seconds when the transcript has word times, else in
 * words) and how many fell outside their range, in how many story answers each STAR part was heard
 * (evidence, not a grade), and prep coverage.
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

/**
 * STAR as evidence, not a grade: how many story answers had each part heard, never "complete" or
 * "missing" (in rated interviews STAR did not predict the rating; README "Judgement").
 */
function starSentence(answers: readonly Answer[]): string | undefined {
  const story = answers.filter((a) => a.starExpected);
  if (story.length === 0) return undefined;
  const heard = (p: (typeof STAR_PARTS)[number]): number => story.filter((a) => a.star[p].present).length;
  return (
    `In ${plural(story.length, 'story answer')} we heard the situation in ${heard('situation')}, the task in ${heard('task')}, ` +
    `your actions in ${heard('action')} and a result in ${heard('result')}; each answer quotes what we heard.`
  );
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
