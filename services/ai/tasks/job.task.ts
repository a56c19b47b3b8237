/**
 * Refines the competencies of a job posting (economy tier: a short extraction over a closed list).
 * The model is given the posting, the team's vocabulary (id, name, kind) and the ids found offline,
 * and answers which vocabulary ids the posting asks for, each with the shortest phrase of the posting
 * that asks for it, VERBATIM. Unknown ids and quotes that are not in the posting are refused (the
 * one repair turn names them), so the report never shows a competency the posting does not contain.
 */
import { z } from 'zod';
import { findVerbatim } from './evidence.js';
import { checkWith, type AiTask, type Checked } from './task.js';

export const JOB_PROMPT_VERSION = 'job-v1';

export const JobReplySchema = z.strictObject({
  competencies: z.array(z.strictObject({ id: z.string().min(1), quote: z.string().min(1) })).max(60),
});
export type JobReply = z.infer<typeof JobReplySchema>;

const SYSTEM = `You read a job posting and list the competencies it asks the candidate to have or do, using ONLY the ids of the given vocabulary.
Reply with one JSON object and nothing else: {"competencies":[{"id":"...","quote":"..."}]}
Rules:
- Include a competency only if the posting asks for it in its responsibilities, requirements or nice-to-haves. Ignore the company description, benefits, location, eligibility and equal-opportunity text.
- Judge by meaning, not keywords: "dig into metrics when they move" asks for analytical thinking; "we offer a learning budget" asks for nothing.
- "quote" is the shortest phrase of the posting that asks for it, copied VERBATIM (same words, same order). Never paraphrase.
- Each id at most once. The offline list is a starting point: drop wrong ids, add missing ones.`;

export function checkJobReply(reply: JobReply, posting: string, known: ReadonlySet<string>): Checked<JobReply> {
  const seen = new Set<string>();
  const out: JobReply['competencies'] = [];
  for (const c of reply.competencies) {
    if (!known.has(c.id)) return { ok: false, error: `"${c.id}" is not an id of the vocabulary` };
    const quote = findVerbatim(posting, c.quote);
    if (quote === undefined) return { ok: false, error: `the quote for ${c.id} is not verbatim from the posting: ${JSON.stringify(c.quote)}` };
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push({ id: c.id, quote });
  }
  return { ok: true, value: { competencies: out } };
}

export function jobCompetenciesTask(
  posting: string,
  vocabulary: readonly { id: string; name: string; kind: string }[],
  offlineIds: readonly string[],
): AiTask<JobReply> {
  const known = new Set(vocabulary.map((v) => v.id));
  const list = vocabulary.map((v) => `${v.id} (${v.kind}): ${v.name}`).join('\n');
  return {
    name: 'job',
    label: 'job description',
    promptVersion: JOB_PROMPT_VERSION,
    minTier: 'economy',
    maxOutputTokens: 1500,
    system: SYSTEM,
    user: `Vocabulary:\n${list}\n\nFound offline: ${offlineIds.join(', ') || '(none)'}\n\nPosting:\n${posting}`,
    item: `job\u0000${posting}`,
    check: checkWith(JobReplySchema, (reply) => checkJobReply(reply, posting, known)),
  };
}
