/**
 * Pure parsing of OpenAI audio transcription answers (POST /v1/audio/transcriptions).
 *
 * `verbose_json` (whisper-1 with timestamp_granularities ["word","segment"]):
 *   { "task":"transcribe", "language":"english", "duration":8.47, "text":"…",
 *     "words":[{"word":"Hello","start":0.0,"end":0.42}, …],
 *     "segments":[{"id":0,"seek":0,"start":0.0,"end":3.2,"text":"…","tokens":[…],"temperature":0,
 *                  "avg_logprob":-0.21,"compression_ratio":1.3,"no_speech_prob":0.01}, …] }
 * Word times are absolute in the uploaded file. Whisper gives no per-word confidence; a word takes
 * exp(avg_logprob) of the segment it falls in, the per-token probability Whisper itself reports.
 *
 * `diarized_json` (gpt-4o-transcribe-diarize):
 *   { "task":"transcribe", "duration":42.7, "text":"…",
 *     "segments":[{"type":"transcript.text.segment","id":"seg_0","start":0.0,"end":4.1,
 *                  "text":"…","speaker":"A"}, …] }
 * Segments carry no word times, so words are spread over their segment (cue.ts spreadTokens).
 * Speakers are letters ("A", "B") or the caller's known speaker names; a letter becomes "Speaker A".
 */
import { spokenTokens, spreadTokens } from '../../transcripts/cue.js';
import type { Word } from '../../transcripts/transcript.js';
import { engineBadResponse } from './cloud-errors.js';
import type { ChunkTranscription } from './cloud-chunks.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSec = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

interface Span {
  start: number;
  end: number;
}

function checkSpans<T extends Span>(list: unknown, what: string, extra: (v: Record<string, unknown>) => boolean): T[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw engineBadResponse('openai', `${what} is not an array`);
  return list.map((v, i) => {
    if (!isObj(v) || !isSec(v.start) || !isSec(v.end) || !extra(v)) throw engineBadResponse('openai', `${what}[${i}] is malformed`);
    return v as unknown as T;
  });
}

interface VerboseSegment extends Span {
  text: string;
  avg_logprob?: number;
}

export function parseVerboseJson(body: unknown): ChunkTranscription {
  if (!isObj(body) || typeof body.text !== 'string') throw engineBadResponse('openai', 'no text field');
  const words = checkSpans<Span & { word: string }>(body.words, 'words', (v) => typeof v.word === 'string');
  const segments = checkSpans<VerboseSegment>(body.segments, 'segments', (v) => typeof v.text === 'string');
  if (words.length === 0 && body.text.trim() !== '' && segments.length === 0) {
    // Text without any timing: the request did not ask for, or the server ignored, word timestamps.
    throw engineBadResponse('openai', 'text without word or segment timestamps (was verbose_json honoured?)');
  }
  const confidenceAt = (t: number): number | undefined => {
    const seg = segments.find((s) => t >= s.start && t <= s.end);
    return seg && typeof seg.avg_logprob === 'number' ? Math.min(1, Math.exp(seg.avg_logprob)) : undefined;
  };
  const out: Word[] =
    words.length > 0
      ? words
          .filter((w) => /[\p{L}\p{N}]/u.test(w.word))
          .map((w) => {
            const word: Word = { text: w.word.trim(), start: round3(w.start), end: round3(Math.max(w.start, w.end)) };
            const c = confidenceAt((w.start + w.end) / 2);
            if (c !== undefined) word.confidence = c;
            return word;
          })
      : segments.flatMap((s) => spreadTokens(spokenTokens(s.text).map((text) => ({ text })), s.start, s.end, confidenceAt(s.start)));
  const language = typeof body.language === 'string' && body.language ? body.language : undefined;
  return { words: out, ...(language && { language }) };
}

export const openaiSpeakerLabel = (speaker: string): string => (/^[A-Z]$/.test(speaker) ? `Speaker ${speaker}` : speaker);

export function parseDiarizedJson(body: unknown): ChunkTranscription {
  if (!isObj(body)) throw engineBadResponse('openai', 'not a JSON object');
  if (!Array.isArray(body.segments)) throw engineBadResponse('openai', 'no segments array (was diarized_json honoured?)');
  const segments = checkSpans<Span & { text: string; speaker: string }>(
    body.segments,
    'segments',
    (v) => typeof v.text === 'string' && typeof v.speaker === 'string',
  ).sort((a, b) => a.start - b.start);
  const words = segments.flatMap((s) => {
    const speaker = openaiSpeakerLabel(s.speaker);
    return spreadTokens(spokenTokens(s.text).map((text) => ({ text, speaker })), s.start, Math.max(s.start, s.end));
  });
  return { words };
}
