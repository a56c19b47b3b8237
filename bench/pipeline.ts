/**
 * Benchmark of the media pipeline on a generated five-minute answer with pauses:
 *   node --import tsx bench/pipeline.ts [--minutes 5] [--no-baseline] [--no-fast]
 * Prints audio duration, wall time and wall ÷ audio (target ≤ 0.25 on 2 cores) for the default
 * engine, for concurrency 1 as an in-run baseline, and for the faster decoder flags, each with its
 * word error rate against the known text.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FAST_DECODER_ARGS, LocalPocketsphinxEngine } from '../services/media/engines/local.js';
import { transcribeMedia } from '../services/media/pipeline.js';
import { wordErrorRate } from '../services/media/wer.js';
import { makeSpeech } from '../test/helpers/audio.js';

/** Written for this benchmark: the kind of answer a candidate gives, in short spoken sentences. */
const SENTENCES = [
  'Thank you for having me today.',
  'In my last role I worked on the billing team of a small software company.',
  'We had a problem with invoices that were sent twice to the same customer.',
  'My task was to find the cause and make sure it could not happen again.',
  'First I read the logs from the week when most of the complaints came in.',
  'I noticed that every duplicate came from a retry after a network timeout.',
  'So I proposed that each invoice should carry a unique key from the start.',
  'The team agreed, and I wrote the change together with a colleague.',
  'We also added a test that sends the same request three times in a row.',
  'After the release the number of duplicate invoices dropped to zero.',
  'Support tickets about billing went down by about a third in two months.',
  'What I learned is that a clear measurement makes a decision much easier.',
  'Another example is a time when I disagreed with my manager.',
  'She wanted to rewrite the reporting service from scratch.',
  'I thought we could improve it step by step and keep it running.',
  'We looked at the numbers together and chose a middle path.',
  'In the end the new reports were ready one month earlier than planned.',
  'I enjoy working with people who ask good questions.',
  'Outside of work I coach a youth football team on weekends.',
  'That taught me patience and how to explain things simply.',
];

export async function speechOfAtLeast(minutes: number): Promise<Awaited<ReturnType<typeof makeSpeech>>> {
  // Repeat the answer until it is long enough; about 4 s of speech plus a 0.9 s pause per sentence; the estimate errs long.
  const count = Math.ceil((minutes * 60) / 4.8);
  const text = Array.from({ length: count }, (_, i) => SENTENCES[i % SENTENCES.length]).join(' ');
  return makeSpeech({ text, wpm: 150, format: 'mp4', silenceSecBetweenSentences: 0.9 });
}

interface Row { label: string; audioSec: number; wallSec: number; ratio: number; wer: number; words: number }

async function timeRun(label: string, file: string, text: string, engine: LocalPocketsphinxEngine): Promise<Row> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'bench-pipeline-'));
  try {
    const t0 = performance.now();
    const transcript = await transcribeMedia(file, { workDir, engine });
    const wallSec = (performance.now() - t0) / 1000;
    return {
      label,
      audioSec: transcript.durationSec,
      wallSec,
      ratio: wallSec / transcript.durationSec,
      wer: wordErrorRate(text, transcript.text),
      words: transcript.words.length,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<Row[]> {
  const minutesArg = argv.indexOf('--minutes');
  const minutes = minutesArg >= 0 ? Number(argv[minutesArg + 1]) : 5;
  const cores = availableParallelism();
  const speech = await speechOfAtLeast(minutes);
  console.log(`clip: ${speech.path} (${speech.durationSec.toFixed(1)} s, ${speech.wordCount} words), ${cores} CPUs`);

  const rows = [await timeRun(`default, concurrency ${cores}`, speech.path, speech.text, new LocalPocketsphinxEngine())];
  if (!argv.includes('--no-baseline')) {
    rows.push(await timeRun('default, concurrency 1', speech.path, speech.text, new LocalPocketsphinxEngine({ concurrency: 1 })));
  }
  if (!argv.includes('--no-fast')) {
    const fast = new LocalPocketsphinxEngine({ decoderArgs: FAST_DECODER_ARGS });
    rows.push(await timeRun(`fast flags, concurrency ${cores}`, speech.path, speech.text, fast));
  }
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(28)} audio ${r.audioSec.toFixed(1)} s  wall ${r.wallSec.toFixed(1)} s  ` +
        `wall/audio ${r.ratio.toFixed(3)} ${r.ratio <= 0.25 ? '(≤ 0.25 target met)' : '(MISSES 0.25)'}  WER ${r.wer.toFixed(3)}  words ${r.words}`,
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
