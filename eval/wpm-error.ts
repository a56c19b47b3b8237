/** WPM error against a known truth: |measured − truth| ÷ truth (a fraction; 0.03 is 3%). */
export function relativeError(measured: number, truth: number): number {
  if (!(truth > 0)) throw new RangeError(`truth must be a positive rate, got ${truth}`);
  return Math.abs(measured - truth) / truth;
}

/** The testdata's reference rate: words ÷ recording duration (silence included) × 60. */
export function truthWpm(words: number, durationSec: number): number {
  if (!(durationSec > 0)) throw new RangeError(`duration must be positive, got ${durationSec}`);
  return (words / durationSec) * 60;
}

/** Mean of the absolute relative errors and the largest one. */
export function errorSummary(errors: readonly number[]): { mean: number; max: number } {
  if (errors.length === 0) return { mean: 0, max: 0 };
  return { mean: errors.reduce((a, b) => a + b, 0) / errors.length, max: Math.max(...errors) };
}
