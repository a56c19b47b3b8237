/**
 * Ranges a report shows beside its numbers, with where they come from, so a reader can judge a figure
 * without looking anything up. Copied into every report: if the ranges change, old reports still show
 * the ones they were judged against.
 */
export const REFERENCE_RANGES = {
  wpm: {
    low: 130,
    high: 175,
    source:
      'Conversational presenting is roughly 130–175 WPM in speech research and coaching tools; Orai cites 120–145.',
  },
  fillerRatio: {
    high: 0.04,
    source: 'Under 4% of words being fillers is a common coaching target.',
  },
} as const;
