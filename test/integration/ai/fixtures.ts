/** Shared inputs for the AI integration tests: answers, valid model replies, env for the fakes. */
import type { Answer } from '../../../services/analysis/content/content.schema.js';
import type { StarReply } from '../../../services/ai/tasks/star.task.js';
import type { FakeReply } from '../../fakes/http-fake.js';

export const ANSWER_1 =
  'Last spring our checkout service kept timing out during a big sale. I was asked to find the cause within a day. ' +
  'I profiled the slowest queries and added a composite index on the orders table. Latency dropped from two seconds to 200 milliseconds.';
export const ANSWER_2 = 'I like working with people. We usually split the work and I review the code of my teammates.';

const localStar = { situation: { present: false }, task: { present: false }, action: { present: false }, result: { present: false } };

export function answer(question: string, text: string, i: number): Answer {
  return {
    question,
    kind: 'behavioural',
    starExpected: true,
    start: i * 60,
    end: i * 60 + 50,
    text,
    durationSec: 50,
    wordCount: text.split(/\s+/).length,
    length: { verdict: 'ok', recommendedSec: [60, 120] },
    star: localStar,
    tip: 'local tip',
  };
}

export const ANSWERS: Answer[] = [answer('Tell me about a hard problem you solved.', ANSWER_1, 0), answer('How do you work in a team?', ANSWER_2, 1)];
export const TRANSCRIPT = ANSWERS.map((a) => `Interviewer: ${a.question}\nCandidate: ${a.text}`).join('\n');
export const LOCAL = { transcriptText: TRANSCRIPT, answers: ANSWERS, summary: 'Local summary.', tips: ['local 1', 'local 2', 'local 3'] };

/** A valid STAR reply quoting `text` verbatim: one sentence per part, as far as the answer goes. */
export function starReplyFor(text: string): StarReply {
  const sentences = text.match(/[^.!?]+[.!?]/g)?.map((s) => s.trim()) ?? [];
  const part = (i: number) => (sentences[i] ? { present: true, evidence: sentences[i] } : { present: false });
  return { star: { situation: part(0), task: part(1), action: part(2), result: part(3) }, tip: 'Quantify the result.' };
}

export const STAR_1 = starReplyFor(ANSWER_1);
export const SUMMARY_REPLY = { summary: 'Structured and concrete answers.', tips: ['Lead with the result.', 'Name your own role.', 'Shorten the intro.'] };

/** A fake reply that finds the answer text in the request (whatever the dialect) and tags it. */
export const starFromRequest = (usage = { input: 300, output: 80 }): FakeReply => ({
  kind: 'dynamic',
  reply: (req) => {
    const sent = JSON.stringify(req.body);
    const text = [ANSWER_1, ANSWER_2].find((a) => sent.includes(JSON.stringify(a).slice(1, -1)));
    return text ? { kind: 'json', content: starReplyFor(text), usage } : { kind: 'status', status: 400, message: 'unknown answer' };
  },
});

/** Records the waits the retry policy asks for, without waiting. */
export function recordingSleep(): { sleeps: number[]; sleep: (ms: number) => Promise<void> } {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms) => void sleeps.push(ms) };
}
