/**
 * Words per minute over a span. Zero-length spans give 0, not Infinity/NaN: a report with no time has
 * no meaningful rate, and the schema rejects non-finite numbers.
 *   overall WPM      = words ÷ recording duration (what coaching tools and the testdata reference use)
 *   articulation WPM = words ÷ speaking time      (pace while actually talking, pauses removed)
 */
export function wordsPerMinute(words: number, seconds: number): number {
  return seconds > 0 ? (words / seconds) * 60 : 0;
}
