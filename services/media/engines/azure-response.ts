/**
 * Pure parsing of an Azure AI Speech fast transcription answer (api-version 2024-11-15):
 *
 *   { "durationMilliseconds": 182439,
 *     "combinedPhrases": [{ "text": "…" }],
 *     "phrases": [{ "offsetMilliseconds": 960, "durationMilliseconds": 640, "text": "Good afternoon.",
 *                   "words": [{ "text": "Good", "offsetMilliseconds": 960, "durationMilliseconds": 240 }, …],
 *                   "locale": "en-US", "confidence": 0.93, "speaker": 1 }] }
 *
 * Word offsets are from the start of the uploaded audio, like the phrase offsets (not from the
 * phrase). `speaker` is present only with diarization, an integer per voice; it becomes the label
 * "Speaker N". Fast transcription reports confidence per phrase only, so each word inherits it. A
 * phrase without `words` has its text spread over the phrase span. `combinedPhrases` repeats the
 * phrases' text and is not read.
 */
import { spokenTokens, spreadTokens } from '../../transcripts/cue.js';
import type { Word } from '../../transcripts/transcript.js';
import { engineBadResponse } from './cloud-errors.js';

export interface AzureWord {
  text: string;
  offsetMilliseconds: number;
  durationMilliseconds: number;
}

export interface AzurePhrase {
  offsetMilliseconds: number;
  durationMilliseconds: number;
  text: string;
  words?: AzureWord[];
  locale?: string;
  confidence?: number;
  speaker?: number;
  channel?: number;
}

export interface AzureFastTranscription {
  durationMilliseconds?: number;
  combinedPhrases?: { text: string; channel?: number }[];
  phrases: AzurePhrase[];
}

export interface ParsedAzureTranscription {
  words: Word[];
  language?: string;
  speakers: string[];
}

export const azureSpeakerLabel = (n: number): string => `Speaker ${n}`;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const sec = (ms: number): number => Math.round(ms) / 1000;

function checkPhrase(p: unknown, i: number): AzurePhrase {
  const bad = (why: string): never => {
    throw engineBadResponse('azure', `phrases[${i}] ${why}`);
  };
  if (!isObj(p)) return bad('is not an object');
  if (!isMs(p.offsetMilliseconds) || !isMs(p.durationMilliseconds)) bad('has no offsetMilliseconds/durationMilliseconds');
  if (typeof p.text !== 'string') bad('has no text');
  if (p.words !== undefined) {
    if (!Array.isArray(p.words)) bad('words is not an array');
    (p.words as unknown[]).forEach((w, j) => {
      if (!isObj(w) || typeof w.text !== 'string' || !isMs(w.offsetMilliseconds) || !isMs(w.durationMilliseconds)) bad(`words[${j}] is malformed`);
    });
  }
  if (p.speaker !== undefined && !(typeof p.speaker === 'number' && Number.isInteger(p.speaker))) bad('speaker is not an integer');
  return p as unknown as AzurePhrase;
}

export function parseAzureFastTranscription(body: unknown): ParsedAzureTranscription {
  if (!isObj(body) || !Array.isArray(body.phrases)) throw engineBadResponse('azure', 'no phrases array');
  const phrases = body.phrases.map(checkPhrase).sort((a, b) => a.offsetMilliseconds - b.offsetMilliseconds);
  const words: Word[] = [];
  const speakers = new Set<string>();
  for (const p of phrases) {
    const speaker = p.speaker === undefined ? undefined : azureSpeakerLabel(p.speaker);
    if (speaker !== undefined) speakers.add(speaker);
    const confidence = typeof p.confidence === 'number' ? Math.min(1, Math.max(0, p.confidence)) : undefined;
    if (p.words && p.words.length > 0) {
      for (const w of p.words) {
        const start = sec(w.offsetMilliseconds);
        const word: Word = { text: w.text, start, end: sec(w.offsetMilliseconds + w.durationMilliseconds) };
        if (confidence !== undefined) word.confidence = confidence;
        if (speaker !== undefined) word.speaker = speaker;
        if (/[\p{L}\p{N}]/u.test(word.text)) words.push(word);
      }
    } else {
      const tokens = spokenTokens(p.text).map((text) => (speaker === undefined ? { text } : { text, speaker }));
      words.push(...spreadTokens(tokens, sec(p.offsetMilliseconds), sec(p.offsetMilliseconds + p.durationMilliseconds), confidence));
    }
  }
  const language = phrases.find((p) => typeof p.locale === 'string')?.locale;
  return { words, speakers: [...speakers], ...(language && { language }) };
}
