/**
 * The recording every cloud-engine test uses: six short sentences of generated speech with one
 * second between them, taught to a KnownRecordings so the fakes can "recognise" it (and any slice
 * of it). `expectOnTimeline` checks stitched words against the speech runs of the whole file.
 */
import { expect } from '@jest/globals';
import { makeSpeech } from '../../helpers/audio.js';
import { KnownRecordings, type HeardUtterance } from '../../fakes/azure-speech-fake.js';
import type { Transcript } from '../../../services/transcripts/transcript.js';

export const SENTENCES = [
  'Tell me about your last project.',
  'I built a billing service for small shops.',
  'What was the hardest part of it?',
  'Moving old invoices without any downtime.',
  'How did you test the migration?',
  'We replayed a week of real traffic first.',
];

/** 16 kHz mono WAV bytes per second: the unit of the upload caps below. */
export const WAV_BYTES_PER_SEC = 32_000;

export interface TestRecording {
  wavPath: string;
  durationSec: number;
  known: KnownRecordings;
  utterances: HeardUtterance[];
}

export async function testRecording(): Promise<TestRecording> {
  const speech = await makeSpeech({ text: SENTENCES.join(' '), silenceSecBetweenSentences: 1.2, format: 'wav' });
  const known = new KnownRecordings();
  const utterances = await known.learn(speech.path, SENTENCES);
  return { wavPath: speech.path, durationSec: speech.durationSec, known, utterances };
}

/** Every sentence's words, in order, starting and ending where its speech does in the whole file. */
export function expectOnTimeline(t: Transcript, rec: TestRecording, toleranceSec = 0.02): void {
  expect(t.text.split(' ')).toEqual(SENTENCES.join(' ').split(' '));
  let at = 0;
  for (const u of rec.utterances) {
    const n = u.text.split(' ').length;
    const words = t.words.slice(at, at + n);
    at += n;
    expect(Math.abs(words[0]!.start - u.start)).toBeLessThanOrEqual(toleranceSec);
    expect(Math.abs(words.at(-1)!.end - u.end)).toBeLessThanOrEqual(toleranceSec);
  }
  for (const [i, w] of t.words.entries()) {
    expect(w.end).toBeGreaterThanOrEqual(w.start);
    if (i > 0) expect(w.start).toBeGreaterThanOrEqual(t.words[i - 1]!.end - 1e-9);
  }
}
