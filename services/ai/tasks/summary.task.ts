/**
 * Coaching summary and the three most valuable tips for the whole interview (premium tier: it
 * reads the full transcript and must weigh everything, which is where cheaper models fall short).
 */
import { z } from 'zod';
import { ContentSchema, type Answer } from '../../analysis/content/content.schema.js';
import { checkWith, type AiTask } from './task.js';

export const SUMMARY_PROMPT_VERSION = 'summary-v2';

export const SummaryReplySchema = z.strictObject({
  summary: ContentSchema.shape.summary.min(1),
  tips: z.array(z.string().min(1)).length(3),
});
export type SummaryReply = z.infer<typeof SummaryReplySchema>;

export interface SummaryInput {
  transcriptText: string;
  answers: readonly Pick<Answer, 'question' | 'kind' | 'starExpected' | 'star' | 'length'>[];
  summary: string;
  tips: readonly string[];
}

const SYSTEM = `You are an interview coach. You receive a job-interview transcript and the findings of an automatic analysis.
Reply with one JSON object and nothing else: {"summary":"...","tips":["...","...","..."]}
- "summary": 3 to 5 sentences on how the candidate came across, grounded in what was said.
- "tips": exactly three concrete, prioritised improvements, most valuable first.`;

/** The local findings go in too, so the model builds on them instead of starting blind. */
function findings(input: SummaryInput): string {
  const answers = input.answers.map((a, i) => {
    const parts = (['situation', 'task', 'action', 'result'] as const).filter((p) => a.star[p].present);
    // No length without word times: say so rather than invent one.
    const length = a.length ? a.length.verdict : 'not judged';
    const star = a.starExpected ? `STAR parts found: ${parts.join(', ') || 'none'}` : 'STAR not expected';
    return `${i + 1}. "${a.question}" (kind: ${a.kind}; length: ${length}; ${star})`;
  });
  return [`Automatic summary: ${input.summary}`, `Automatic tips: ${input.tips.join(' | ')}`, 'Answers:', ...answers].join('\n');
}

export function summaryTask(input: SummaryInput): AiTask<SummaryReply> {
  return {
    name: 'summary',
    label: 'summary',
    promptVersion: SUMMARY_PROMPT_VERSION,
    minTier: 'premium',
    maxOutputTokens: 1200,
    system: SYSTEM,
    user: `Transcript:\n${input.transcriptText}\n\nAnalysis:\n${findings(input)}`,
    check: checkWith(SummaryReplySchema, (reply) => ({
      ok: true,
      value: { summary: reply.summary.trim(), tips: reply.tips.map((t) => t.trim()) },
    })),
  };
}
