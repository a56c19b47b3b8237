/** DER scoring (services/media/diarization/der.ts): the md-eval definition on hand-made cases. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { bestMapping, diarizationErrorRate, parseRttm, parseSegmentsTsv, type Segment } from '../../../services/media/diarization/der.js';
import { hasTestdata, testdataPath } from '../../helpers/testdata.js';

const seg = (start: number, end: number, speaker: string): Segment => ({ start, end, speaker });
const ref = [seg(0, 10, 'A'), seg(10, 20, 'B')];

describe('diarizationErrorRate', () => {
  it('is 0 for a perfect answer whatever the hypothesis labels are called', () => {
    const r = diarizationErrorRate(ref, [seg(0, 10, 'spk_1'), seg(10, 20, 'spk_0')], { collar: 0 });
    expect(r.der).toBe(0);
    expect(r.mapping).toEqual({ spk_1: 'A', spk_0: 'B' });
    expect(r.referenceSec).toBe(20);
  });

  it('counts missed speech, false alarm and confusion apart', () => {
    // 0–10 A right; 10–15 B called A (confusion 5); 15–18 B missed (3); 20–22 speech where none is (FA 2)
    const r = diarizationErrorRate(ref, [seg(0, 15, 'x'), seg(18, 20, 'y'), seg(20, 22, 'y')], { collar: 0 });
    expect(r.missedSec).toBeCloseTo(3);
    expect(r.falseAlarmSec).toBeCloseTo(2);
    expect(r.confusionSec).toBeCloseTo(5);
    expect(r.der).toBeCloseTo(10 / 20);
    expect([r.missed, r.falseAlarm, r.confusion].map((x) => +x.toFixed(3))).toEqual([0.15, 0.1, 0.25]);
  });

  it('one label for everybody: the larger speaker maps, the other is confusion', () => {
    const r = diarizationErrorRate([seg(0, 12, 'A'), seg(12, 20, 'B')], [seg(0, 20, 'one')], { collar: 0 });
    expect(r.confusionSec).toBeCloseTo(8);
    expect(r.mapping).toEqual({ one: 'A' });
  });

  it('does not score the collar around reference boundaries', () => {
    const hyp = [seg(0, 10.2, 'x'), seg(10.2, 20, 'y')]; // the turn change 0.2 s late
    expect(diarizationErrorRate(ref, hyp, { collar: 0 }).confusionSec).toBeCloseTo(0.2);
    const r = diarizationErrorRate(ref, hyp, { collar: 0.25 });
    expect(r.der).toBe(0);
    // 0–0.25, 9.75–10.25 and 19.75–20 are not scored
    expect(r.referenceSec).toBeCloseTo(20 - 0.25 - 0.5 - 0.25);
  });

  it('counts overlapped speech once per speaker', () => {
    const overlap = [seg(0, 10, 'A'), seg(5, 10, 'B')];
    const r = diarizationErrorRate(overlap, [seg(0, 10, 'x')], { collar: 0 });
    expect(r.referenceSec).toBeCloseTo(15);
    expect(r.missedSec).toBeCloseTo(5);
    expect(r.der).toBeCloseTo(5 / 15);
  });

  it('scores only the region given', () => {
    const r = diarizationErrorRate(ref, [seg(0, 30, 'x')], { collar: 0, uem: { start: 0, end: 10 } });
    expect(r.der).toBe(0);
  });

  it('maps optimally, not greedily', () => {
    // greedy would pair (0,0)=5 then (1,1)=0: 5; the optimum pairs (0,1)+(1,0) = 4+4
    expect(bestMapping([[5, 4], [4, 0]]).total).toBe(8);
    expect(bestMapping([[5, 4], [4, 0]]).pairs).toEqual([[0, 1], [1, 0]]);
    expect(bestMapping([[1, 2, 3]]).pairs).toEqual([[0, 2]]);
    expect(bestMapping([]).total).toBe(0);
  });
});

describe('reference parsers', () => {
  it('reads RTTM SPEAKER lines and skips the rest', () => {
    const text = 'SPEAKER f 1 6.690 0.430 <NA> <NA> spk90 <NA> <NA>\n;; comment\n\nSPEAKER f 1 7.5 1 <NA> <NA> spk91 <NA> <NA>\n';
    expect(parseRttm(text)).toEqual([seg(6.69, 6.69 + 0.43, 'spk90'), seg(7.5, 8.5, 'spk91')]);
  });

  it('reads a segments TSV by its header', () => {
    expect(parseSegmentsTsv('start_s\tend_s\tspeaker\tchannel\ttext\n1.0\t2.5\tmichael\t0\thi there\n')).toEqual([seg(1, 2.5, 'michael')]);
    expect(() => parseSegmentsTsv('a\tb\n1\t2\n')).toThrow(/start_s/);
  });

  (hasTestdata() ? it : it.skip)('reads the shared references: two speakers each', () => {
    const rttm = parseRttm(readFileSync(testdataPath('audio/ref/pyannote_sample.rttm'), 'utf8'));
    expect(rttm).toHaveLength(10);
    expect(new Set(rttm.map((s) => s.speaker)).size).toBe(2);
    const tsv = parseSegmentsTsv(readFileSync(testdataPath('audio/ref/mfa_two_speakers.segments.tsv'), 'utf8'));
    const talk = (who: string) => tsv.filter((s) => s.speaker === who).reduce((t, s) => t + s.end - s.start, 0);
    expect(talk('michael')).toBeCloseTo(22.565, 2); // the figures testdata/README.md gives
    expect(talk('sickmichael')).toBeCloseTo(22.099, 2);
  });
});
