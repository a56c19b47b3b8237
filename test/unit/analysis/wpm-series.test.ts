import { describe, expect, it } from '@jest/globals';
import { wpmSeries } from '../../../services/analysis/metrics/wpm-series.js';
import { tl, word } from './helpers/synthetic.js';
import type { Word } from '../../../services/transcripts/transcript.js';

/** n one-token words spread evenly over [from, to). */
function spread(n: number, from: number, to: number): Word[] {
  const step = (to - from) / n;
  return Array.from({ length: n }, (_, i) => word(`w${i}`, from + i * step, from + i * step + step / 2));
}

describe('wpmSeries', () => {
  it('gives one point per full 30 s window, at the window start', () => {
    const t = tl(...spread(60, 0, 30), ...spread(30, 30, 60));
    expect(wpmSeries(t, 60)).toEqual([
      { t: 0, wpm: 120, durationSec: 30, partial: false },
      { t: 30, wpm: 60, durationSec: 30, partial: false },
    ]);
  });

  it('scales a last partial window of at least 10 s by its real length and flags it', () => {
    const t = tl(...spread(60, 0, 30), ...spread(25, 30, 45));
    const s = wpmSeries(t, 45);
    expect(s).toHaveLength(2);
    expect(s[1]).toEqual({ t: 30, wpm: 100, durationSec: 15, partial: true });
  });

  it('drops a last partial window shorter than 10 s', () => {
    const t = tl(...spread(60, 0, 30), ...spread(5, 30, 39));
    expect(wpmSeries(t, 39).map((p) => p.t)).toEqual([0]);
  });

  it('is empty for a recording shorter than 10 s or of zero length', () => {
    expect(wpmSeries(tl(...spread(10, 0, 8)), 8)).toEqual([]);
    expect(wpmSeries(tl(), 0)).toEqual([]);
  });

  it('keeps empty windows (silence) as 0 WPM and counts a word in the window of its start', () => {
    const t = tl(word('a', 29.9, 30.4), word('b', 95, 96));
    expect(wpmSeries(t, 120).map((p) => p.wpm)).toEqual([2, 0, 0, 2]);
  });

  it('does not open an extra window for float noise in the duration', () => {
    expect(wpmSeries(tl(word('a', 1, 2)), 60.0000000001)).toHaveLength(2);
  });

  it('honours custom window options and rejects a non-positive window', () => {
    const t = tl(...spread(20, 0, 20));
    expect(wpmSeries(t, 20, { windowSec: 10 }).map((p) => p.wpm)).toEqual([60, 60]);
    expect(wpmSeries(t, 25, { windowSec: 10, minPartialSec: 6 })).toHaveLength(2);
    expect(() => wpmSeries(t, 20, { windowSec: 0 })).toThrow(RangeError);
  });
});
