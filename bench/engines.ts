/**
 * Offline engines compared on the real clips of ../shared/testdata (every mono WAV with a
 * reference): WER per clip, filler recall, and wall time ÷ audio duration.
 *
 *   node --import tsx bench/engines.ts [--engines pocketsphinx,whisper-base,...] [--verbose]
 *
 * Engines: pocketsphinx (the default local engine), whisper-base and whisper-tiny.en (prompted
 * verbatim-style with filler hotwords on every window, the WhisperEngine default) and their -noprompt
 * variants (initial_prompt and hotwords off), which measure what the prompting does for fillers.
 * Hesitation precision/recall by alignment, per option: `npm run eval -- --only hesitations,engines`. Whisper needs scripts/setup-whisper.sh; without it those
 * columns are skipped with a message.
 *
 * Filler recall: fillers are the hesitation tokens of the filler lexicon, grouped into three sounds
 * (um = um/umm/uhm/erm, uh = uh/er/ah, hm = hm/hmm/mm) because references and engines spell them
 * differently. Per clip and sound, hits = min(reference count, hypothesis count), so over-produced
 * fillers never raise recall; they show in the "hyp" count instead. mfa_two_speakers_mono repeats
 * the audio of mfa_acoustic_corpus + mfa_cold_corpus, so its fillers count twice in the total.
 * Wall time excludes the one-off model load of the Whisper worker (reported on its own).
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { TranscriptionEngine } from '../services/media/engines/engine.js';
import { LocalPocketsphinxEngine } from '../services/media/engines/local.js';
import { WhisperEngine, whisperUnavailable } from '../services/media/engines/whisper.js';
import { readWavInfo } from '../services/media/wav.js';
import { normaliseWords, wordErrorRate } from '../services/media/wer.js';
import { readManifest, testdataPath } from '../test/helpers/testdata.js';

const FILLER_SOUND: Record<string, string> = {
  um: 'um', umm: 'um', uhm: 'um', erm: 'um',
  uh: 'uh', er: 'uh', ah: 'uh',
  hm: 'hm', hmm: 'hm', mm: 'hm',
};

/** Filler counts per sound ("um", "uh", "hm") in a text. */
export function fillerCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of normaliseWords(text)) {
    const sound = FILLER_SOUND[w];
    if (sound) out.set(sound, (out.get(sound) ?? 0) + 1);
  }
  return out;
}

/** Reference fillers found in the hypothesis (count-matched per sound), and the totals. */
export function fillerMatch(reference: string, hypothesis: string): { ref: number; hit: number; hyp: number } {
  const r = fillerCounts(reference), h = fillerCounts(hypothesis);
  let ref = 0, hit = 0, hyp = 0;
  for (const [k, n] of r) {
    ref += n;
    hit += Math.min(n, h.get(k) ?? 0);
  }
  for (const n of h.values()) hyp += n;
  return { ref, hit, hyp };
}

interface EngineSpec {
  id: string;
  make: () => TranscriptionEngine & { close?: () => Promise<void>; warmUp?: () => Promise<void>; loadSec?: number };
  needsWhisper: boolean;
}

const ENGINES: EngineSpec[] = [
  { id: 'pocketsphinx', make: () => new LocalPocketsphinxEngine(), needsWhisper: false },
  { id: 'whisper-base', make: () => new WhisperEngine({ model: 'base' }), needsWhisper: true },
  { id: 'whisper-base-noprompt', make: () => new WhisperEngine({ model: 'base', initialPrompt: null, hotwords: null }), needsWhisper: true },
  { id: 'whisper-tiny.en', make: () => new WhisperEngine({ model: 'tiny.en' }), needsWhisper: true },
  { id: 'whisper-tiny.en-noprompt', make: () => new WhisperEngine({ model: 'tiny.en', initialPrompt: null, hotwords: null }), needsWhisper: true },
];

export interface ClipResult {
  clip: string;
  engine: string;
  audioSec: number;
  wallSec: number;
  wer: number;
  fillers: { ref: number; hit: number; hyp: number };
  text: string;
}

export interface EngineSummary {
  engine: string;
  meanWer: number;
  /** Σ edit distance ÷ Σ reference words over all clips. */
  pooledWer: number;
  fillerRecall: number;
  fillersRef: number;
  fillersHit: number;
  fillersHyp: number;
  realTimeFactor: number;
  loadSec?: number;
}

export interface Clip {
  file: string;
  path: string;
  reference: string;
  durationSec: number;
}

/** Every 16 kHz mono WAV of the testdata that has a reference text (also used by bench/pipeline.ts). */
export async function clips(): Promise<{ use: Clip[]; skipped: string[] }> {
  const use: Clip[] = [], skipped: string[] = [];
  for (const row of readManifest()) {
    if (!row.file.startsWith('audio/') || !row.file.endsWith('.wav') || !row.referenceTextFile) continue;
    const path = testdataPath(row.file);
    const info = await readWavInfo(path);
    if (info.channels !== 1 || info.sampleRate !== 16000) {
      skipped.push(`${row.file} (${info.channels} ch, ${info.sampleRate} Hz: engines take 16 kHz mono)`);
      continue;
    }
    use.push({ file: row.file, path, durationSec: info.durationSec, reference: readFileSync(testdataPath(row.referenceTextFile), 'utf8') });
  }
  return { use, skipped };
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<{ results: ClipResult[]; summary: EngineSummary[] }> {
  const i = argv.indexOf('--engines');
  const wanted = i >= 0 ? (argv[i + 1] ?? '').split(',').map((s) => s.trim()).filter(Boolean) : ENGINES.map((e) => e.id);
  const unknown = wanted.filter((w) => !ENGINES.some((e) => e.id === w));
  if (unknown.length) throw new Error(`unknown engine(s) ${unknown.join(', ')}; use ${ENGINES.map((e) => e.id).join(', ')}`);
  const verbose = argv.includes('--verbose');
  const { use, skipped } = await clips();
  console.log(`${use.length} clips, ${use.reduce((s, c) => s + c.durationSec, 0).toFixed(1)} s of audio, ${availableParallelism()} CPUs`);
  for (const s of skipped) console.log(`skipped ${s}`);

  const results: ClipResult[] = [];
  const summary: EngineSummary[] = [];
  const whisperMissing = whisperUnavailable();
  for (const spec of ENGINES.filter((e) => wanted.includes(e.id))) {
    if (spec.needsWhisper && whisperMissing) {
      console.log(`${spec.id}: skipped (${whisperMissing})`);
      continue;
    }
    const engine = spec.make();
    let loadSec: number | undefined;
    try {
      if (engine.warmUp) {
        await engine.warmUp();
        loadSec = engine.loadSec;
      }
      for (const c of use) {
        const t0 = performance.now();
        const t = await engine.transcribe(c.path);
        const wallSec = (performance.now() - t0) / 1000;
        const r: ClipResult = {
          clip: c.file.replace(/^audio\//, ''), engine: spec.id, audioSec: c.durationSec, wallSec,
          wer: wordErrorRate(c.reference, t.text), fillers: fillerMatch(c.reference, t.text), text: t.text,
        };
        results.push(r);
        if (verbose) console.log(`${spec.id} ${r.clip} WER ${r.wer.toFixed(3)}: ${t.text}`);
      }
    } finally {
      await engine.close?.();
    }
    const mine = results.filter((r) => r.engine === spec.id);
    const refWords = use.map((c) => normaliseWords(c.reference).length);
    const edits = mine.reduce((s, r, k) => s + r.wer * refWords[k]!, 0);
    const f = mine.reduce((a, r) => ({ ref: a.ref + r.fillers.ref, hit: a.hit + r.fillers.hit, hyp: a.hyp + r.fillers.hyp }), { ref: 0, hit: 0, hyp: 0 });
    summary.push({
      engine: spec.id,
      meanWer: mine.reduce((s, r) => s + r.wer, 0) / mine.length,
      pooledWer: edits / refWords.reduce((a, b) => a + b, 0),
      fillerRecall: f.ref ? f.hit / f.ref : 0,
      fillersRef: f.ref, fillersHit: f.hit, fillersHyp: f.hyp,
      realTimeFactor: mine.reduce((s, r) => s + r.wallSec, 0) / mine.reduce((s, r) => s + r.audioSec, 0),
      ...(loadSec !== undefined && { loadSec }),
    });
  }

  // Table: one row per clip, one column per engine (WER; fillers hit/ref where the clip has any).
  const ids = summary.map((s) => s.engine);
  const W = 26;
  const header = pad('clip', 28) + lpad('sec', 6) + ids.map((id) => lpad(id, W)).join('');
  console.log('\nWER per clip (fillers found/in reference, +N extra fillers in the hypothesis)');
  console.log(header);
  for (const c of use) {
    const name = c.file.replace(/^audio\//, '');
    const cells = ids.map((id) => {
      const r = results.find((x) => x.engine === id && x.clip === name)!;
      const extra = Math.max(0, r.fillers.hyp - r.fillers.hit);
      const f = r.fillers.ref || r.fillers.hyp ? ` f${r.fillers.hit}/${r.fillers.ref}${extra ? `+${extra}` : ''}` : '';
      return lpad(`${r.wer.toFixed(3)}${f}`, W);
    });
    console.log(pad(name, 28) + lpad(c.durationSec.toFixed(1), 6) + cells.join(''));
  }
  const line = (label: string, f: (s: EngineSummary) => string): void =>
    console.log(pad(label, 34) + summary.map((s) => lpad(f(s), W)).join(''));
  console.log('-'.repeat(header.length));
  line('mean WER', (s) => s.meanWer.toFixed(3));
  line('pooled WER (Σedits/Σref words)', (s) => s.pooledWer.toFixed(3));
  line('filler recall (found/ref)', (s) => `${s.fillerRecall.toFixed(2)} (${s.fillersHit}/${s.fillersRef})`);
  line('fillers in hypothesis', (s) => String(s.fillersHyp));
  line('wall ÷ audio', (s) => s.realTimeFactor.toFixed(3));
  line('model load s (once)', (s) => (s.loadSec === undefined ? '-' : s.loadSec.toFixed(2)));
  return { results, summary };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
