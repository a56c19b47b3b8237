/**
 * The verbatim filler-labelled set (test/fixtures/labelled-fillers, see its README). A fixture is a
 * text file: `# …` lines describe it, every other non-empty line is one turn `Speaker: text`, and
 * every filler is marked inline with braces: `{um}`, `{you know}`, `{You know what I mean=you know}`
 * (after `=`, the filler type when it differs from the marked words). Pure parsing; no timings here.
 */

export interface FixtureTurn {
  readonly speaker: string;
  /** The turn with marks removed: what a transcriber would have written. */
  readonly text: string;
}

export interface GoldMark {
  /** Index of the turn the mark is in. */
  readonly turn: number;
  /** Index (within the turn) of the whitespace token where the filler begins. */
  readonly token: number;
  /** Canonical filler type: lower-case words ("um", "you know"). */
  readonly type: string;
  /** The marked words as written ("You know,"'s "You know"). */
  readonly surface: string;
}

export interface ParsedFillerFixture {
  readonly description: string;
  readonly turns: readonly FixtureTurn[];
  readonly gold: readonly GoldMark[];
}

/** Lower case, letters/digits/apostrophes only, single spaces: "You know" → "you know". */
export const fillerType = (words: string): string =>
  words.toLowerCase().replace(/[’‘]/g, "'").replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();

const TURN = /^([^:]{1,40}):\s+(.*)$/u;

interface Mark {
  readonly at: number;
  readonly type: string;
  readonly surface: string;
}

/** One turn's text: marks removed, with where each mark began in the plain text. */
export function stripMarks(marked: string): { text: string; marks: Mark[] } {
  let text = '';
  const marks: Mark[] = [];
  let i = 0;
  while (i < marked.length) {
    const ch = marked[i]!;
    if (ch === '}') throw new Error(`unopened "}" at ${i} in: ${marked}`);
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const close = marked.indexOf('}', i);
    if (close < 0) throw new Error(`unclosed "{" at ${i} in: ${marked}`);
    const inner = marked.slice(i + 1, close);
    if (inner.includes('{')) throw new Error(`nested "{" at ${i} in: ${marked}`);
    const [surface = '', explicit] = inner.split('=');
    if (surface.trim() === '' || surface !== surface.trim()) throw new Error(`mark "{${inner}}" must be words without outer spaces`);
    const type = fillerType(explicit ?? surface);
    if (type === '') throw new Error(`mark "{${inner}}" has no filler type`);
    marks.push({ at: text.length, type, surface });
    text += surface;
    i = close + 1;
  }
  return { text, marks };
}

/** Index of the whitespace token of `text` that contains character `at`. */
export function tokenAt(text: string, at: number): number {
  let k = 0;
  for (const m of text.matchAll(/\S+/gu)) {
    if (at >= m.index && at < m.index + m[0].length) return k;
    k++;
  }
  throw new Error(`no token at character ${at} of: ${text}`);
}

export function parseFillerFixture(source: string): ParsedFillerFixture {
  const description: string[] = [];
  const turns: FixtureTurn[] = [];
  const gold: GoldMark[] = [];
  for (const [n, raw] of source.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      description.push(line.replace(/^#\s*/u, ''));
      continue;
    }
    const m = TURN.exec(line);
    if (!m) throw new Error(`line ${n + 1} is neither "# comment" nor "Speaker: text": ${line}`);
    const { text, marks } = stripMarks(m[2]!);
    for (const mark of marks) gold.push({ turn: turns.length, token: tokenAt(text, mark.at), type: mark.type, surface: mark.surface });
    turns.push({ speaker: m[1]!.trim(), text });
  }
  return { description: description.join(' '), turns, gold };
}
