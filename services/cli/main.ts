/** CLI entry: `interview-buddy <command> …`. */
import { runAnalyze, USAGE } from './analyze.js';

const [command, ...rest] = process.argv.slice(2);
const io = { out: (t: string) => console.log(t), err: (t: string) => console.error(t) };
if (command === 'analyze') {
  process.exitCode = await runAnalyze(rest, io);
} else {
  io.err(USAGE);
  process.exitCode = 2;
}
