/**
 * Generates (or finds in .cache/test-audio/) speech of known text for tests and manual checks.
 *   node --import tsx scripts/make-test-audio.ts                    # one clip in every container
 *   node --import tsx scripts/make-test-audio.ts --text "Hello there." --format mp3 --wpm 170 --pause 1.5
 *   node --import tsx scripts/make-test-audio.ts --bad               # the bad-input fixtures too
 * Prints one JSON line per file: path, text, word count, duration.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  makeEmptyFile, makeSilence, makeSpeech, makeTextFileNamedMp4, makeTruncatedMp4, makeVideoOnlyMp4, type SpeechFormat,
} from '../test/helpers/audio.js';

const FORMATS: readonly SpeechFormat[] = ['wav', 'mp4', 'm4a', 'mp3', 'webm'];
const DEFAULT_TEXT = 'Thanks for the question. I would start by asking what the users need. Then I would build the smallest thing that helps them.';

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      text: { type: 'string', default: DEFAULT_TEXT },
      format: { type: 'string' },
      wpm: { type: 'string', default: '150' },
      pause: { type: 'string', default: '0.8' },
      bad: { type: 'boolean', default: false },
    },
  });
  const formats = values.format ? [values.format as SpeechFormat] : FORMATS;
  for (const f of formats) {
    if (!FORMATS.includes(f)) throw new Error(`--format must be one of ${FORMATS.join(', ')}`);
    const speech = await makeSpeech({ text: values.text, format: f, wpm: Number(values.wpm), silenceSecBetweenSentences: Number(values.pause) });
    console.log(JSON.stringify({ format: f, ...speech }));
  }
  if (values.bad) {
    const bad = {
      empty: await makeEmptyFile(),
      textNamedMp4: await makeTextFileNamedMp4(),
      videoOnlyMp4: await makeVideoOnlyMp4(),
      truncatedMp4: await makeTruncatedMp4(),
      truncatedMp4NoFaststart: await makeTruncatedMp4({ faststart: false }),
      silence: await makeSilence(10),
    };
    for (const [kind, path] of Object.entries(bad)) console.log(JSON.stringify({ kind, path }));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
