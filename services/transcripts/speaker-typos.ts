/**
 * Speaker-label typos. Hand-typed transcripts misspell a label now and then ("Interveiwee",
 * "Intrviewer", "INterviewee"); left alone, each typo becomes a third speaker who says one line,
 * and the real speaker's talk ratio and answers lose that line. So a label is read as another when
 * it looks like a slip of the hand on that label, and only then:
 *
 *   - the other label is used much more: the typo has at most MAX_SHARE (a fifth) of its turns AND
 *     of its words. Typos are one-offs; two people in a conversation take turns, so both of their
 *     labels are frequent. This is what keeps "Interviewer" and "Interviewee" (one letter apart)
 *     apart. Turns, not lines: an exporter that labels every caption line would make a talkative
 *     speaker's label look five times as frequent as a quiet one's.
 *   - the spelling is close: Damerau–Levenshtein distance (optimal string alignment, so a swapped
 *     pair of letters costs 1) at most MAX_DISTANCE and at most MAX_RELATIVE_DISTANCE of the shorter
 *     label, ignoring case. Short names ("Jon"/"John", "Sam"/"Pam") are therefore never merged.
 *   - the digits are the same: "Speaker 1" and "Speaker 2" are numbered people, not typos.
 *   - it is unambiguous: the label is strictly closer to its target than to any other label used
 *     more often than itself ("Interviewe" is as close to "Interviewer" as to "Interviewee": kept).
 *   - or, instead of all of the above, the label is the clipped end of exactly one label used more
 *     (one to three lower-case letters, "r" for "Interviewer": copying lost the start of the line).
 *     No rarity condition: no one is called "r", and only plain-txt.ts makes such labels, and only
 *     when they end a recurring label.
 *
 * A wrong merge silently gives one person's words to another, while a missed one only leaves a
 * stray speaker, so every condition errs on the side of not merging. Pure.
 */

/** One labelled line in spoken order, with the words it and its unlabelled continuation hold. */
export interface LabelUse {
  label: string;
  words: number;
}

export interface SpeakerTypo {
  label: string;
  readAs: string;
  /** Labelled lines the typo was found on. */
  lines: number;
}

const MAX_SHARE = 1 / 5;
const MAX_DISTANCE = 2;
const MAX_RELATIVE_DISTANCE = 0.25;
/** More distinct labels than any conversation has: garbage, and pairwise comparison is quadratic. */
const MAX_LABELS = 100;
/** Longer than any name; keeps each distance computation small. */
const MAX_LABEL_CHARS = 60;

interface LabelStats {
  label: string;
  folded: string;
  digits: string;
  lines: number;
  turns: number;
  words: number;
}

function labelStats(uses: readonly LabelUse[]): LabelStats[] {
  const stats = new Map<string, LabelStats>();
  uses.forEach((u, i) => {
    let s = stats.get(u.label);
    if (!s) {
      s = { label: u.label, folded: u.label.toLowerCase(), digits: (u.label.match(/\p{N}/gu) ?? []).join(''), lines: 0, turns: 0, words: 0 };
      stats.set(u.label, s);
    }
    s.lines++;
    s.words += u.words;
    if (uses[i - 1]?.label !== u.label) s.turns++;
  });
  return [...stats.values()];
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein where a transposed pair costs 1), or
 * Infinity once it must exceed `max`: the lengths alone, or a whole row, already say so.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    if (Math.min(...row) > max) return Infinity;
    [prev2, prev] = [prev, row];
  }
  const d = prev[b.length]!;
  return d > max ? Infinity : d;
}

const isTypoOf = (typo: LabelStats, of: LabelStats, distance: number): boolean =>
  typo.turns <= of.turns * MAX_SHARE &&
  typo.words <= of.words * MAX_SHARE &&
  typo.digits === of.digits &&
  distance <= MAX_RELATIVE_DISTANCE * Math.min(typo.label.length, of.label.length);

/** The one more-used label whose end the (short, lower-case) label is. */
function clippedTarget(s: LabelStats, stats: readonly LabelStats[]): LabelStats | undefined {
  if (!/^\p{Ll}{1,3}$/u.test(s.label)) return undefined;
  const ends = stats.filter((o) => o.turns > s.turns && o.label.length > s.label.length + 2 && o.folded.endsWith(s.folded));
  const [of] = ends;
  return ends.length === 1 ? of : undefined;
}

/** Pure: which labels read as typos of which (see the module comment), most used targets first. */
export function findSpeakerTypos(uses: readonly LabelUse[]): SpeakerTypo[] {
  const all = labelStats(uses);
  if (all.length > MAX_LABELS) return [];
  const stats = all.filter((s) => s.label.length <= MAX_LABEL_CHARS).sort((a, b) => b.turns - a.turns || b.words - a.words);
  const readAs = new Map<string, string>();
  const typos: SpeakerTypo[] = [];
  for (const s of stats) {
    const rivals = stats
      .filter((o) => o.turns > s.turns)
      .map((o) => ({ o, d: editDistance(s.folded, o.folded, MAX_DISTANCE) }))
      .filter((r) => r.d <= MAX_DISTANCE)
      .sort((x, y) => x.d - y.d);
    const [best, next] = rivals;
    const clippedOf = clippedTarget(s, stats);
    if (clippedOf === undefined && (!best || (next && next.d === best.d) || !isTypoOf(s, best.o, best.d))) continue;
    const of = clippedOf ?? best!.o;
    // A target that is itself a typo (rare, chains of three) passes the merge on to its own target.
    const target = readAs.get(of.label) ?? of.label;
    readAs.set(s.label, target);
    typos.push({ label: s.label, readAs: target, lines: s.lines });
  }
  return typos;
}

export const speakerTypoNote = (t: SpeakerTypo): string =>
  `Speaker "${t.label}" (${t.lines} ${t.lines === 1 ? 'line' : 'lines'}) was read as "${t.readAs}", an apparent typo.`;
