/**
 * Timed WebVTT for an MIT interview transcript (issue 14, point 3): the transcripts have no times,
 * but the dataset's prosody.csv gives the duration of each of the five protocol answers. The VTT
 * makes each protocol answer's Interviewee lines last that long together (shared in proportion to
 * their words) and every other line last as long as its words take at 150 wpm, one line after the
 * other. The lines are the product's reading of the transcript (lines.ts). Pure: text in, text out.
 *
 * A protocol question is the first Interviewer line, after the previous one, that reads like it
 * (PROTOCOL below); its answer runs to the next protocol question (or the end). A question that
 * cannot be found, or has no prosody row, leaves its answer at 150 wpm.
 */
import { SEC_PER_WORD } from '../../services/transcripts/turns.js';
import { mitLines, type MitLine } from './lines.js';

export type ProtocolId = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5';

const PROTOCOL: readonly (readonly [ProtocolId, RegExp])[] = [
  ['Q1', /\b(?:about|describe|introduce) (?:your ?self|you\b)|\byour (?:background|life)\b/i],
  ['Q2', /\blead(?:er|ing)/i],
  ['Q3', /\bteam|\bchallenge|\bgroup|\bconflict/i],
  ['Q4', /\bweak|\bchange (?:one |a |some)?thing about/i],
  ['Q5', /\bhire\b|\bwhy (?:should|would|do) (?:we|you|i)\b|\b(?:get|have|deserve) (?:the|this) (?:job|position)/i],
];

/** Index of the line asking each protocol question, in interview order. */
export function protocolLines(lines: readonly MitLine[]): Partial<Record<ProtocolId, number>> {
  const found: Partial<Record<ProtocolId, number>> = {};
  let from = 0;
  for (const [id, re] of PROTOCOL) {
    const i = lines.findIndex((l, k) => k >= from && l.speaker === 'Interviewer' && re.test(l.text));
    if (i >= 0) {
      found[id] = i;
      from = i + 1;
    }
  }
  return found;
}

const clock = (t: number): string => {
  const ms = Math.round(t * 1000);
  const [h, m, s] = [Math.floor(ms / 3600000), Math.floor(ms / 60000) % 60, (ms / 1000) % 60];
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(3).padStart(6, '0')}`;
};

/** `durations` by protocol id, seconds (prosody.csv `duration`). */
export function timedVtt(transcript: string, durations: Partial<Record<ProtocolId, number>>): string {
  const lines = mitLines(transcript);
  const asked = protocolLines(lines);
  const answerOf = new Map<number, ProtocolId>();
  const starts = Object.entries(asked).sort((a, b) => a[1] - b[1]) as [ProtocolId, number][];
  starts.forEach(([id, at], k) => {
    const end = starts[k + 1]?.[1] ?? lines.length;
    for (let i = at + 1; i < end; i++) answerOf.set(i, id);
  });
  const answerWords = new Map<ProtocolId, number>();
  lines.forEach((l, i) => {
    const id = answerOf.get(i);
    if (id && l.speaker === 'Interviewee') answerWords.set(id, (answerWords.get(id) ?? 0) + l.words.length);
  });
  const cues: string[] = ['WEBVTT', ''];
  let t = 0;
  lines.forEach((l, i) => {
    const words = l.words.length;
    const id = answerOf.get(i);
    const total = id ? durations[id] : undefined;
    const sec = id && total !== undefined && l.speaker === 'Interviewee' ? (total * words) / answerWords.get(id)! : words * SEC_PER_WORD;
    cues.push(`${clock(t)} --> ${clock(t + sec)}`, `<v ${l.speaker}>${l.text}`, '');
    t += sec;
  });
  return cues.join('\n');
}
