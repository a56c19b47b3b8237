/**
 * Local analysis speed on a 30-minute transcript (target ≤ 5 s): npm run bench -- analysis
 * Baseline in the same run: building the same word list again (the floor any analyzer pays).
 */
import { analyzeTranscript } from '../services/analysis/analyze.js';
import { buildReport } from '../services/analysis/report.pipeline.js';
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
  const time = async (fn: () => unknown, n: number) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - t0) / n;
  };
  const prepNotes = '- queue migration\n- measuring results\n- leadership';
  await time(() => buildReport(transcript, { prepNotes }), 2); // warm-up (JIT, NLP model load)
  const full = await time(() => buildReport(transcript, { prepNotes }), 5);
  const metricsOnly = await time(() => analyzeTranscript(transcript), 5);
  const baseline = await time(() => structuredClone(transcript.words), 5);
  console.log(
    `local analysis of a 30-minute transcript (${transcript.words.length} words, 2 speakers): full report ${full.toFixed(0)} ms ` +
      `(target ≤ 5000 ms), delivery metrics alone ${metricsOnly.toFixed(0)} ms, copying the words ${baseline.toFixed(1)} ms`,
  );
}
