/**
 * Measured quality (issue 3, "Measured quality"): filler precision/recall, WPM error, Q/A
 * segmentation and STAR agreement, and WER per offline engine. It measures and prints; it never
 * fails on a missed target (exit 0), only on a broken evaluation.
 *
 *   npm run eval [-- --only fillers|wpm|content|wer|cards|readiness|der|jobs|…[,…]]
 */
import { runCards } from '../eval/sections/cards.js';
import { runContent } from '../eval/sections/content.js';
import { runDer } from '../eval/sections/der.js';
import { runEngines } from '../eval/sections/engines.js';
import { runFillers } from '../eval/sections/fillers.js';
import { runHesitations } from '../eval/sections/hesitations.js';
import { runJobs } from '../eval/sections/jobs.js';
import { runLive } from '../eval/sections/live.js';
import { runQuestions } from '../eval/sections/questions.js';
import { runReadiness } from '../eval/sections/readiness.js';
import { runStar } from '../eval/sections/star.js';
import { runWer } from '../eval/sections/wer.js';
import { runWpm } from '../eval/sections/wpm.js';

type Log = (s: string) => void;
const SECTIONS: Record<string, (log: Log) => void | Promise<void>> = {
  fillers: runFillers,
  wpm: runWpm,
  content: runContent,
  questions: runQuestions,
  star: runStar,
  wer: runWer,
  cards: runCards,
  readiness: runReadiness,
  der: runDer,
  hesitations: runHesitations,
  engines: runEngines,
  jobs: runJobs,
  live: runLive,
};

function selected(argv: readonly string[]): string[] {
  const i = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (i < 0) return Object.keys(SECTIONS);
  const value = argv[i]!.includes('=') ? argv[i]!.split('=')[1]! : (argv[i + 1] ?? '');
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(n in SECTIONS));
  if (names.length === 0 || unknown.length) throw new Error(`--only takes ${Object.keys(SECTIONS).join('|')} (comma-separated), got "${value}"`);
  return names;
}

async function main(): Promise<void> {
  const log: Log = (s) => console.log(s);
  let broken = 0;
  for (const name of selected(process.argv.slice(2))) {
    const t0 = performance.now();
    try {
      await SECTIONS[name]!(log);
    } catch (e) {
      broken++;
      console.error(`\n${name}: the evaluation itself failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  process.exitCode = broken ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 2;
});
