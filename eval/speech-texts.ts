/**
 * Known texts for generated speech (test/helpers/audio.ts `makeSpeech`, espeak-ng): interview-style
 * answers at different speaking rates. The truth is exact: known words ÷ generated duration.
 * espeak-ng speaks no fillers, so these measure pace and word accuracy, not filler recall.
 */
export interface SpeechCase {
  readonly id: string;
  /** espeak-ng's rate setting (its words per minute while speaking; pauses and edges lower the truth). */
  readonly wpm: number;
  readonly silenceSecBetweenSentences: number;
  readonly text: string;
}

export const SPEECH_CASES: readonly SpeechCase[] = [
  {
    id: 'star-answer-150',
    wpm: 150,
    silenceSecBetweenSentences: 0.8,
    text:
      'Last year our checkout service started failing during a big sale. I was the engineer on call, so my job was to restore it quickly. ' +
      'I traced the errors to the database connection pool and raised its limit. I also added an alert and wrote a short runbook for the team. ' +
      'Errors dropped by ninety percent within an hour, and the sale went on without another outage.',
  },
  {
    id: 'self-intro-120',
    wpm: 120,
    silenceSecBetweenSentences: 1.2,
    text:
      'I studied physics and then moved into data science. For three years I have built forecasting models for a grocery chain. ' +
      'I enjoy explaining results to people who are not technical. Now I want to work on a product that customers use every day.',
  },
  {
    id: 'fast-answer-180',
    wpm: 180,
    silenceSecBetweenSentences: 0.4,
    text:
      'We had two weeks to migrate the billing system to the new provider. I split the work into small steps that we could roll back. ' +
      'Every night we compared invoices from both systems and fixed the differences. ' +
      'On the final day we switched over, and not a single customer was charged twice.',
  },
];
