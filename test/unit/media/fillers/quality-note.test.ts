import { describe, expect, it } from '@jest/globals';
import { qualityNotes, type QualityInput } from '../../../../services/analysis/quality.js';
import { inTen, POCKETSPHINX_HESITATION_RECALL, WHISPER_HESITATION_RECALL } from '../../../../services/media/fillers/measured.js';

const input = (engine: string): QualityInput => ({
  engine, reportedDurationSec: 120, durationSec: 120, timed: true, wordCount: 300, speakers: ['S'], candidate: 'S',
  candidateChosenBy: 'auto', assumedSingleSpeaker: false, inheritedSpeakerWords: 0, meanConfidence: 0.9,
  issues: { reordered: false, inverted: 0, overlapping: 0, nonSpeech: 0 },
});

describe('the filler note quotes the measured recall', () => {
  it('Whisper: how many hesitations it heard in our tests, not a blanket "lower bound"', () => {
    const [note] = qualityNotes(input('whisper'));
    expect(note).toContain(`heard ${inTen(WHISPER_HESITATION_RECALL)} hesitations`);
    expect(note).toContain(`${Math.round(WHISPER_HESITATION_RECALL * 100)}%`);
    expect(note).not.toContain('lower bound');
  });

  it('pocketsphinx: says how few it hears', () => {
    expect(qualityNotes(input('local'))[0]).toContain(`heard ${inTen(POCKETSPHINX_HESITATION_RECALL)} of the hesitations`);
    expect(inTen(POCKETSPHINX_HESITATION_RECALL)).toBe('about 1 in 10');
  });

  it('inTen rounds to tenths, with words at the ends', () => {
    expect(inTen(0.966)).toBe('nearly all');
    expect(inTen(0.81)).toBe('about 8 in 10');
    expect(inTen(0.02)).toBe('almost none');
  });
});
