/**
 * Local analysis speed on a 30-minute transcript (target ≤ 5 s): npm run bench -- analysis
 * Baseline in the same run: building the same word list again (the floor any analyzer pays).
 */
import { analyzeTranscript } from '../services/analysis/analyze.js';
import type { Transcript, Word } from '../services/transcripts/transcript.js';

function thirtyMinutes(): Transcript {
  const vocab = 'so I think the main thing we did was um move the service to a new queue and uh you know measure it'.split(' ');
  const words: Word[] = [];
  let t = 0.5;
  for (let i = 0; t < 1800; i++) {
    const text = vocab[i % vocab.length]!;
    words.push({ text, start: t, end: t + 0.28, speaker: i % 300 < 40 ? 'Interviewer' : 'Candidate' });
    t += 0.4 + (i % 50 === 0 ? 1.4 : 0);
  }
  return { engine: 'import', durationSec: 1800, words, text: words.map((w) => w.text).join(' ') };
}

export async function main(): Promise<void> {
  const transcript = thirtyMinutes();
  const time = (fn: () => unknown, n: number) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    return (performance.now() - t0) / n;
  };
  time(() => analyzeTranscript(transcript), 3); // warm-up
  const ms = time(() => analyzeTranscript(transcript), 10);
  const baseline = time(() => structuredClone(transcript.words), 10);
  console.log(`analysis of a 30-minute transcript (${transcript.words.length} words): ${ms.toFixed(1)} ms per run (target ≤ 5000 ms); ` +
    `copying the words alone: ${baseline.toFixed(1)} ms (ratio ${(ms / baseline).toFixed(1)}×)`);
}
