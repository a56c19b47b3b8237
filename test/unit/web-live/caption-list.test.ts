import { describe, expect, it } from '@jest/globals';
import { addCaption, addNudge, type CaptionLine, MAX_CAPTION_LINES } from '../../../web/src/lib/caption-list.js';
import { liveErrorText, micErrorText } from '../../../web/src/lib/live-messages.js';

const cap = (segment: number, text: string, final = false): CaptionLine => ({ segment, text, final, question: 0 });

describe('live captions and nudges (practice page)', () => {
  it('interim captions of a segment replace each other; the final one stays', () => {
    let l: CaptionLine[] = [];
    l = addCaption(l, cap(0, 'so I'));
    l = addCaption(l, cap(0, 'so I led the'));
    l = addCaption(l, cap(1, 'we'));
    l = addCaption(l, cap(0, 'so I led the migration', true));
    expect(l.map((c) => c.text)).toEqual(['so I led the migration', 'we']);
    l = addCaption(l, cap(0, 'late interim'));
    expect(l[0]!.text).toBe('so I led the migration');
  });

  it('keeps segments in order and only the last 50 lines', () => {
    let l: CaptionLine[] = [];
    for (let s = 0; s < 120; s++) l = addCaption(l, cap(s, `s${s}`, true));
    expect(l).toHaveLength(MAX_CAPTION_LINES);
    expect(l[0]!.segment).toBe(70);
    l = addCaption(l, cap(3, 'too old'));
    expect(l[0]!.segment).toBe(70);
    let m = [cap(1, 'a'), cap(3, 'c')];
    m = addCaption(m, cap(2, 'b'));
    expect(m.map((c) => c.text)).toEqual(['a', 'b', 'c']);
  });

  it('nudges: newest first, three at most, no repeat in a row', () => {
    let n: { kind: string; message: string }[] = [];
    for (const k of ['pace_fast', 'fillers', 'fillers', 'silence', 'long_answer']) n = addNudge(n, { kind: k, message: k });
    expect(n.map((x) => x.kind)).toEqual(['long_answer', 'silence', 'fillers']);
  });

  it('says busy, try again in a minute, and explains microphone failures', () => {
    expect(liveErrorText({ code: 'live_busy', message: 'all slots taken', retryAfterSec: 60 })).toMatch(/busy.*try again in a minute/i);
    expect(liveErrorText({ code: 'not_found', message: 'No such session' })).toBe('No such session');
    expect(micErrorText({ name: 'NotAllowedError' })).toMatch(/denied/);
    expect(micErrorText({ name: 'NotFoundError' })).toMatch(/No microphone/);
  });
});
