import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { cutRepeatLoop, LIVE_PROMPT, spreadWords, WhisperLiveRecognizer } from '../../../services/media/live/recognizer.js';
import { repoRoot } from '../../helpers/testdata.js';
import { Outbox } from '../../../services/media/live/outbox.js';

describe('live recognizer helpers', () => {
  it('cuts a decoder loop at the first back-to-back repeat of 3+ words', () => {
    const loop = 'Thank you for the question. Thank you for the question. Thank you for the'.split(' ');
    expect(cutRepeatLoop(loop).join(' ')).toBe('Thank you for the question.');
    expect(cutRepeatLoop('So I I think we we did it'.split(' ')).join(' ')).toBe('So I I think we we did it');
    expect(cutRepeatLoop('we did it and then we did it again'.split(' ')).join(' ')).toBe('we did it and then we did it again');
    const capped = 'I will start by asking what the users need. I will start by asking what'.split(' ');
    expect(cutRepeatLoop(capped).join(' ')).toBe('I will start by asking what the users need.');
    expect(cutRepeatLoop('we did it and so we did it'.split(' ')).join(' ')).toBe('we did it and so we did it');
    expect(cutRepeatLoop('Montreal, forced, Montreal, forced, Montreal, forced, Montreal'.split(' ')).join(' ')).toBe('Montreal, forced,');
    expect(cutRepeatLoop('I mean, I mean, it works'.split(' ')).join(' ')).toBe('I mean, I mean, it works');
    expect(cutRepeatLoop([])).toEqual([]);
  });

  it('spreads words over the audible part of the window', () => {
    const pcm = new Int16Array(16000 * 3);
    for (let i = 16000; i < 32000; i++) pcm[i] = Math.round(8000 * Math.sin(i / 10));
    const w = spreadWords(['one', 'two', 'three', 'four'], pcm);
    expect(w[0]!.start).toBeCloseTo(1, 1);
    expect(w[3]!.end).toBeCloseTo(2, 1);
    expect(w[1]!.start).toBeCloseTo(w[0]!.end, 6);
    expect(spreadWords([], pcm)).toEqual([]);
  });
});

describe('live outbox', () => {
  const cap = (segment: number, final: boolean, text = 'x') => ({ text, final, segment, startSec: segment, endSec: segment + 1, question: 0 });

  it('a caption replaces a queued interim of its segment; drain empties', () => {
    const o = new Outbox();
    o.caption(cap(0, false, 'a'));
    o.caption(cap(0, false, 'a b'));
    o.caption(cap(1, false, 'c'));
    o.caption(cap(0, true, 'a b d'));
    expect(o.drain().captions.map((c) => c.text)).toEqual(['c', 'a b d']);
    expect(o.drain()).toEqual({ captions: [], nudges: [] });
  });

  it('is bounded: the oldest interims go first, then the oldest finals; nudges keep the newest', () => {
    const o = new Outbox(3, 2);
    o.caption(cap(0, true));
    o.caption(cap(1, false));
    o.caption(cap(2, true));
    o.caption(cap(3, true));
    expect(o.drain().captions.map((c) => c.segment)).toEqual([0, 2, 3]);
    for (let s = 0; s < 5; s++) o.caption(cap(s, true));
    expect(o.drain().captions.map((c) => c.segment)).toEqual([2, 3, 4]);
    for (let i = 0; i < 4; i++) o.nudge({ kind: 'silence', message: String(i), atSec: i, question: 0 });
    expect(o.drain().nudges.map((n) => n.message)).toEqual(['2', '3']);
  });
});

describe('live Whisper pool (fake worker script)', () => {
  const script = path.join(repoRoot, 'test/fixtures/live/fake_live_worker.py');

  it('serves finals before waiting interims and drops a withdrawn window', async () => {
    const pool = new WhisperLiveRecognizer({ workers: 1, python: 'python3', script });
    try {
      await pool.warmUp();
      const done: string[] = [];
      const track = (name: string, p: Promise<{ text: string }[]>) =>
        p.then((w) => void done.push(`${name}:${w[0]?.text}`), (e: unknown) => void done.push(`${name}:rejected ${(e as Error).name}`));
      const abort = new AbortController();
      const all = [
        track('a', pool.transcribe(new Int16Array(1600), { interim: true })),
        track('b', pool.transcribe(new Int16Array(3200), { interim: true })),
        track('c', pool.transcribe(new Int16Array(4800))),
        track('d', pool.transcribe(new Int16Array(6400), { interim: true, signal: abort.signal })),
      ];
      expect(pool.waiting).toBe(3);
      abort.abort();
      await Promise.all(all);
      expect(done).toEqual(['d:rejected AbortError', 'a:n1600', 'c:n4800', 'b:n3200']);
      expect(pool.computeSec).toHaveLength(3);
    } finally {
      await pool.close();
    }
  }, 20_000);

  it('shows the decoder the filler prompt before every window unless told not to', async () => {
    const heard = async (opts: { prompt?: string | null }) => {
      const pool = new WhisperLiveRecognizer({ workers: 1, python: 'python3', script, ...opts });
      try {
        return (await pool.transcribe(new Int16Array(1600))).map((w) => w.text);
      } finally {
        await pool.close();
      }
    };
    expect(await heard({})).toEqual(['n1600', `prompt=${LIVE_PROMPT.replace(/ /g, '_')}`]);
    expect(await heard({ prompt: null })).toEqual(['n1600']);
  }, 20_000);
});
