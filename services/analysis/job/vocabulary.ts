/**
 * The competency vocabulary (data/competencies.json, maintained by the team as data, not code),
 * validated once at load and compiled into phrase tables: `posting` phrases (synonyms: how job
 * postings name a competency) and `speech` phrases (synonyms and cues: how a candidate shows it).
 */
import { z } from 'zod';
import vocabularyJson from './data/competencies.json' with { type: 'json' };
import { COMPETENCY_KINDS } from './job.contract.js';
import { indexByFirst, type Phrase, tokens } from './phrases.js';

const EntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'kebab-case id'),
  name: z.string().min(1),
  kind: z.enum(COMPETENCY_KINDS),
  synonyms: z.array(z.string().min(1)).min(1),
  cues: z.array(z.string().min(1)).optional(),
});
export type Competency = z.infer<typeof EntrySchema>;

export const VocabularySchema = z.array(EntrySchema).superRefine((entries, ctx) => {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) ctx.addIssue({ code: 'custom', message: `duplicate competency id "${e.id}"` });
    seen.add(e.id);
  }
});

export interface CompiledVocabulary {
  readonly entries: readonly Competency[];
  readonly byId: ReadonlyMap<string, Competency>;
  readonly posting: { readonly phrases: readonly Phrase<string>[]; readonly index: Map<string, Phrase<string>[]> };
  readonly speech: { readonly phrases: readonly Phrase<string>[]; readonly index: Map<string, Phrase<string>[]> };
}

export function compileVocabulary(entries: readonly Competency[]): CompiledVocabulary {
  const compile = (pick: (e: Competency) => readonly string[]) => {
    const phrases = entries.flatMap((e) => [...new Set(pick(e))].map((s) => ({ toks: tokens(s), owner: e.id }))).filter((p) => p.toks.length > 0);
    return { phrases, index: indexByFirst(phrases) };
  };
  return {
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    posting: compile((e) => e.synonyms),
    speech: compile((e) => [...e.synonyms, ...(e.cues ?? [])]),
  };
}

let compiled: CompiledVocabulary | undefined;

/** The repository's vocabulary, compiled on first use (≈100 ms: every phrase goes through wink). */
export function vocabulary(): CompiledVocabulary {
  compiled ??= compileVocabulary(VocabularySchema.parse(vocabularyJson));
  return compiled;
}
