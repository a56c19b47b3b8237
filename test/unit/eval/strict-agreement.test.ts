import { describe, expect, it } from '@jest/globals';
import { backChannelRegexHits, strictAgreement, strictRegexCount } from '../../../eval/strict-agreement.js';
import type { Word } from '../../../services/transcripts/transcript.js';

const words = (text: string): Word[] => text.split(/\s+/).map((t, i) => ({ text: t, start: i, end: i + 0.5, speaker: 'A' }));

describe('back-channels and the strict regex', () => {
  it('counts the regex hits inside hyphenated back-channels', () => {
    expect(backChannelRegexHits('Mm-hmm. Uh-huh, um-hum uh-uh')).toBe(2 + 1 + 1 + 2);
    expect(backChannelRegexHits('uh huh, um, biologic-um, uh-um, self-made mhm')).toBe(0);
  });

  it('the reference count is the regex minus those hits', () => {
    expect(strictRegexCount('Mm-hmm. And um, uh-huh, uh huh')).toBe(2);
  });

  it('the detector agrees with that reference', () => {
    expect(strictAgreement(words('Mm-hmm. And um, uh-huh, uh huh biologic-um umm'))).toEqual({
      truePositives: 3, falsePositives: 0, falseNegatives: 0,
    });
  });
});
