/** `interview-buddy analyze --speakers`: a bad count is a usage error before any work. */
import { describe, expect, it } from '@jest/globals';
import { runAnalyze, USAGE } from '../../../services/cli/analyze.js';

describe('analyze --speakers', () => {
  it('refuses a count that is not 1, 2, 3+ or auto (exit 2, with the usage)', async () => {
    const err: string[] = [];
    const code = await runAnalyze(['/nonexistent.wav', '--speakers', 'two'], { out: () => undefined, err: (s) => err.push(s) });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/speakers "two" is not a speaker count/);
    expect(USAGE).toMatch(/--speakers 1\|2\|3\+\|auto/);
  });
});
