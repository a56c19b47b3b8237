/**
 * Verbatim evidence (pure). A STAR part's evidence must be a quote from the answer itself: models
 * paraphrase or invent quotes, and a report that "quotes" words never said is worse than none.
 * Only whitespace may differ (models re-flow lines) and surrounding quote marks are dropped; the
 * returned quote is the exact slice of the answer, so the report shows what was really said.
 */
const QUOTE_MARKS = /^["'“”‘’«»]+|["'“”‘’«»]+$/g;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The exact text of `answer` that `quote` reproduces, or undefined when it is not in the answer. */
export function findVerbatim(answer: string, quote: string): string | undefined {
  const words = quote.trim().replace(QUOTE_MARKS, '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const match = new RegExp(words.map(escapeRegExp).join('\\s+')).exec(answer);
  return match?.[0];
}
