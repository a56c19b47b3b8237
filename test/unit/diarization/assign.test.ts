/** Words onto speaker turns, speaker counts, and how a diarization changes a transcript. */
import { describe, expect, it } from '@jest/globals';
import { assignSpeakers } from '../../../services/media/diarization/assign.js';
import type { Diarizer } from '../../../services/media/diarization/diarizer.js';
import { applyDiarization, diarizationSchema, type Diarization } from '../../../services/media/diarization/result.js';
import { speakerCountFor } from '../../../services/media/diarization/speakers.js';
import { diarizeTranscript } from '../../../services/media/diarization/stage.js';
import type { Transcript, Word } from '../../../services/transcripts/transcript.js';
import { thrownBy } from '../media/thrown.js';

const w = (text: string, start: number, end: number): Word => ({ text, start, end });
const turn = (start: number, end: number, speaker: string) => ({ start, end, speaker });

describe('assignSpeakers', () => {
  it('gives each word the speaker whose turns overlap it most', () => {
    const turns = [turn(0, 2, 'spk_0'), turn(2, 5, 'spk_1')];
    const { words, byNearest } = assignSpeakers([w('a', 0.1, 0.5), w('b', 1.8, 2.5), w('c', 1.9, 2.05), w('d', 3, 4)], turns);
    expect(words.map((x) => x.speaker)).toEqual(['spk_0', 'spk_1', 'spk_0', 'spk_1']);
    expect(byNearest).toBe(0);
  });

  it('sums overlap over several turns of one speaker', () => {
    // A holds 0.8–1.0 and 1.3–1.6 (0.5 s), B the 0.3 s between: A, though B holds the middle
    const turns = [turn(0, 1, 'A'), turn(1, 1.3, 'B'), turn(1.3, 2, 'A')];
    expect(assignSpeakers([w('x', 0.8, 1.6)], turns).words[0]!.speaker).toBe('A');
  });

  it('gives a word outside every turn the nearest turn, and counts it', () => {
    const { words, byNearest } = assignSpeakers([w('early', 0, 0.2), w('gap', 3.1, 3.3), w('zero', 1, 1)], [turn(1, 2, 'A'), turn(3.5, 5, 'B')]);
    expect(words.map((x) => x.speaker)).toEqual(['A', 'B', 'A']);
    expect(byNearest).toBe(2);
  });

  it('leaves words alone when there are no turns', () => {
    expect(assignSpeakers([w('a', 0, 1)], [])).toEqual({ words: [w('a', 0, 1)], byNearest: 0 });
  });
});

describe('speakerCountFor', () => {
  it('accepts 1, 2, 3+ and auto; absent or blank is auto; 3 or more people is 3+', () => {
    expect(['1', '2', '3+', 'auto', ' AUTO '].map(speakerCountFor)).toEqual(['1', '2', '3+', 'auto', 'auto']);
    expect(speakerCountFor(undefined)).toBe('auto');
    expect(speakerCountFor('')).toBe('auto');
    expect(speakerCountFor('4')).toBe('3+');
  });

  it('refuses anything else with invalid_speakers (400)', () => {
    for (const bad of ['0', 'two', '-1', '2.5', '1000', 'many']) {
      const e = thrownBy(() => speakerCountFor(bad));
      expect([e.code, e.status]).toEqual(['invalid_speakers', 400]);
    }
  });
});

const transcript = (): Transcript => ({
  engine: 'whisper', durationSec: 10, diarized: false, text: 'so tell me yes I did', notes: ['engine note'],
  words: [w('so', 0.1, 0.3), w('tell', 0.4, 0.6), w('me', 0.6, 0.8), w('yes', 3.0, 3.2), w('I', 3.3, 3.4), w('did', 3.5, 3.8)],
});
const diarization = (over: Partial<Diarization> = {}): Diarization => ({
  duration: 10, requested: '2', speech: [[0, 1], [2.9, 4]],
  turns: [[0, 1, 'spk_0'], [2.9, 4, 'spk_1']],
  speakers: [{ label: 'spk_0', seconds: 1, confidence: 0.9 }, { label: 'spk_1', seconds: 1.1, confidence: 0.95 }],
  count: 2, doubtful: [], timing: { total_sec: 0.1 }, ...over,
});

describe('applyDiarization', () => {
  it('labels words, marks the transcript diarized, keeps per-speaker figures and says how', () => {
    const t = applyDiarization(transcript(), diarization(), '2');
    expect(t.diarized).toBe(true);
    expect(t.words.map((x) => x.speaker)).toEqual(['spk_0', 'spk_0', 'spk_0', 'spk_1', 'spk_1', 'spk_1']);
    expect(t.speakerStats).toEqual([{ speaker: 'spk_0', seconds: 1, confidence: 0.9 }, { speaker: 'spk_1', seconds: 1.1, confidence: 0.95 }]);
    expect(t.notes![0]).toBe('engine note');
    expect(t.notes![1]).toMatch(/^Speakers were told apart offline by their voices \(you said two people speak\): spk_0 1 s, confidence 90%; spk_1 1 s, confidence 95%\./);
    expect(t.notes).toHaveLength(2);
  });

  it('says when the voices are hard to tell apart', () => {
    const t = applyDiarization(transcript(), diarization({ doubtful: ['spk_1'] }), '2');
    expect(t.notes!.at(-1)).toMatch(/hard to tell apart \(spk_1 is seldom clearly one voice\).*wrong speaker/);
  });

  it('one voice under auto leaves the transcript as it was; under a count the user gave, it says so', () => {
    const one = diarization({ turns: [[0, 4, 'spk_0']], speakers: [{ label: 'spk_0', seconds: 4, confidence: 1 }], count: 1, auto: 'one_voice' });
    expect(applyDiarization(transcript(), one, 'auto')).toEqual(transcript());
    const asked = applyDiarization(transcript(), one, '2');
    expect(asked.diarized).toBe(false);
    expect(asked.notes!.at(-1)).toMatch(/You said two people speak in this recording, but only one voice was heard/);
  });

  it('the worker output schema accepts what diarize.py prints', () => {
    const printed = { ...diarization(), separation: { max_centroid_cos: 0.65, mean_margin: 0.3, silhouette: 0.5 }, timing: { total_sec: 1, cpu_sec: 0.9, vad_sec: 0.2 } };
    expect(diarizationSchema.parse(JSON.parse(JSON.stringify(printed))).count).toBe(2);
  });
});

describe('diarizeTranscript (the media step)', () => {
  const fake = (d: Diarization | Error): Diarizer & { calls: string[] } => {
    const calls: string[] = [];
    return { calls, diarize: async (_wav, speakers) => { calls.push(speakers); if (d instanceof Error) throw d; return d; } };
  };

  it('skips speakers 1, a transcript that already has speakers, and an empty one', async () => {
    const f = fake(diarization());
    expect(await diarizeTranscript(transcript(), 'x.wav', { speakers: '1', diarizer: f })).toEqual(transcript());
    const cloud = { ...transcript(), diarized: true };
    expect(await diarizeTranscript(cloud, 'x.wav', { speakers: '2', diarizer: f })).toBe(cloud);
    expect(await diarizeTranscript({ ...transcript(), words: [], text: '' }, 'x.wav', { speakers: '2', diarizer: f })).toMatchObject({ words: [] });
    expect(f.calls).toEqual([]);
  });

  it('passes the count on and applies the result', async () => {
    const f = fake(diarization());
    const t = await diarizeTranscript(transcript(), 'x.wav', { speakers: '3+', diarizer: f });
    expect(f.calls).toEqual(['3+']);
    expect(t.diarized).toBe(true);
    expect(t.notes!.at(-1)).toMatch(/you said three or more people speak/);
  });

  it('a failing or missing diarizer never fails the recording: a note when the user gave a count', async () => {
    const broken = fake(new Error('boom'));
    const t = await diarizeTranscript(transcript(), 'x.wav', { speakers: '2', diarizer: broken });
    expect(t.diarized).toBe(false);
    expect(t.notes!.at(-1)).toMatch(/Speakers could not be told apart \(boom\)/);
    expect(await diarizeTranscript(transcript(), 'x.wav', { speakers: 'auto', diarizer: broken })).toEqual(transcript());
    expect((await diarizeTranscript(transcript(), 'x.wav', { speakers: '2', diarizer: null })).notes!.at(-1)).toMatch(/not installed/);
    expect(await diarizeTranscript(transcript(), 'x.wav', { speakers: 'auto', diarizer: null })).toEqual(transcript());
  });

  it('an abort is not swallowed', async () => {
    const ac = new AbortController();
    ac.abort(new Error('deleted'));
    const f: Diarizer = { diarize: async () => { throw new Error('deleted'); } };
    await expect(diarizeTranscript(transcript(), 'x.wav', { speakers: '2', diarizer: f, signal: ac.signal })).rejects.toThrow('deleted');
  });
});
