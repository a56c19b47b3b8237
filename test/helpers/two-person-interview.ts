/**
 * A two-person interview built at test time, with its truth known by construction.
 *
 * The interviewer is SYNTHETIC: espeak-ng's `en-us+f3` voice asks three real interview questions.
 * The candidate is one real person: the MFA developer's spontaneous clips in ../shared/testdata
 * (acoustic_corpus, cold_corpus — the same man with a cold — and crossword + surround). They are
 * joined Q1 A1 Q2 A2 Q3 A3 with 0.7 s of silence into a 16 kHz mono WAV in a temp dir; the shared
 * files are read in place, never copied into the repository.
 *
 * Truth: who speaks when. For acoustic_corpus and cold_corpus, the reference word spans
 * (audio/ref/*.words.tsv); for the other pieces (the espeak questions, crossword, surround, which
 * have no word times), the speech spans that ffmpeg's silencedetect finds (-40 dB, ≥ 0.3 s).
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { normaliseWords } from '../../services/media/wer.js';
import { testdataPath } from './testdata.js';

const exec = promisify(execFile);

export const INTERVIEWER_VOICE = 'en-us+f3';
export const GAP_SEC = 0.7;
/** silencedetect settings for the pieces without word times; 0.3 s = the report's SPEAKING_MERGE_GAP_SEC. */
export const SILENCE_DB = -40;
const SILENCE_MIN_SEC = 0.3;

export const QUESTIONS = [
  { lead: "Thanks for coming in today. Let's start with the basics.", question: 'Tell me about yourself.' },
  { lead: 'Good, thank you.', question: 'What is your greatest weakness?' },
  { lead: "That's helpful.", question: 'Why do you want to work here?' },
] as const;

/** The candidate's answers: shared clips, played back to back inside one answer. */
export const ANSWERS: readonly (readonly string[])[] = [['mfa_acoustic_corpus'], ['mfa_cold_corpus'], ['mfa_crossword', 'mfa_surround']];

export interface Span {
  start: number;
  end: number;
}

export interface Piece {
  who: 'interviewer' | 'candidate';
  label: string;
  /** The piece's audio (a temp file, or the shared clip read in place). */
  file: string;
  start: number;
  end: number;
  /** Speech inside the piece, on the interview's timeline. */
  speech: Span[];
  /** Where the speech spans came from. */
  truth: 'words.tsv' | 'silencedetect';
}

export interface TwoPersonInterview {
  path: string;
  durationSec: number;
  pieces: Piece[];
  dir: string;
}

async function durationSec(file: string): Promise<number> {
  const { stdout } = await exec('soxi', ['-D', file]);
  return Number(stdout.trim());
}

/** Speech spans of a file: the complement of ffmpeg silencedetect's silences. */
export async function speechSpans(file: string, silenceDb = SILENCE_DB): Promise<Span[]> {
  const dur = await durationSec(file);
  const { stderr } = await exec('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', `silencedetect=n=${silenceDb}dB:d=${SILENCE_MIN_SEC}`, '-f', 'null', '-']);
  const starts = [...stderr.matchAll(/silence_start: ([\d.]+)/g)].map((m) => Number(m[1]));
  const ends = [...stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]));
  const silences = starts.map((s, i) => ({ start: s, end: ends[i] ?? dur }));
  const out: Span[] = [];
  let t = 0;
  for (const s of silences) {
    if (s.start > t) out.push({ start: t, end: s.start });
    t = Math.max(t, s.end);
  }
  if (t < dur) out.push({ start: t, end: dur });
  return out.filter((s) => s.end - s.start > 0.01);
}

/** Reference word spans of a shared clip (start_s, end_s, word), or null when it has none. */
export function referenceWordSpans(clip: string): Span[] | null {
  let text: string;
  try {
    text = readFileSync(testdataPath('audio', 'ref', `${clip}.words.tsv`), 'utf8');
  } catch {
    return null;
  }
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([s, e]) => ({ start: Number(s), end: Number(e) }));
}

/** Why the recording cannot be built here (espeak-ng or sox missing), or null. */
export function twoPersonToolsMissing(): string | null {
  for (const cmd of ['espeak-ng', 'sox']) {
    try {
      execFileSync('which', [cmd], { stdio: 'ignore' });
    } catch {
      return `no ${cmd}`;
    }
  }
  return null;
}

export async function buildTwoPersonInterview(): Promise<TwoPersonInterview> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ib-two-person-'));
  const gap = path.join(dir, 'gap.wav');
  await exec('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', gap, 'trim', '0', String(GAP_SEC)]);
  const parts: { who: Piece['who']; label: string; file: string; words: Span[] | null }[] = [];
  for (const [i, q] of QUESTIONS.entries()) {
    const raw = path.join(dir, `q${i + 1}-raw.wav`);
    const file = path.join(dir, `q${i + 1}.wav`);
    await exec('espeak-ng', ['-v', INTERVIEWER_VOICE, '-s', '160', '-w', raw, `${q.lead} ${q.question}`]);
    await exec('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', file]);
    parts.push({ who: 'interviewer', label: q.question, file, words: null });
    for (const clip of ANSWERS[i]!) parts.push({ who: 'candidate', label: clip, file: testdataPath('audio', `${clip}.wav`), words: referenceWordSpans(clip) });
  }
  const pieces: Piece[] = [];
  const files: string[] = [];
  let t = 0;
  for (const [i, p] of parts.entries()) {
    // Gaps only between turns (an answer's clips follow each other as they are: each starts and ends in silence).
    if (i > 0 && parts[i - 1]!.who !== p.who) {
      files.push(gap);
      t += GAP_SEC;
    }
    const dur = await durationSec(p.file);
    const local = p.words ?? (await speechSpans(p.file));
    pieces.push({ who: p.who, label: p.label, file: p.file, start: t, end: t + dur, speech: local.map((s) => ({ start: s.start + t, end: s.end + t })), truth: p.words ? 'words.tsv' : 'silencedetect' });
    files.push(p.file);
    t += dur;
  }
  const out = path.join(dir, 'two-person-interview.wav');
  await exec('sox', [...files, out]);
  return { path: out, durationSec: await durationSec(out), pieces, dir };
}

/**
 * True when a question the report heard is the one asked: it holds at least 60% of the asked
 * question's words. Whisper hears the synthetic voice's "greatest weakness" as "baby's weakness" or
 * "latest week" on some runs; that is a transcription error, not a missed question, and no two of
 * the three questions share a word.
 */
export function asks(heard: string, asked: string): boolean {
  const h = new Set(normaliseWords(heard));
  const a = normaliseWords(asked);
  return a.filter((w) => h.has(w)).length >= 0.6 * a.length;
}
