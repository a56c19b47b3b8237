/**
 * A loopback fake of Azure AI Speech fast transcription that speaks its exact wire format
 * (services/media/engines/azure.ts documents it): it checks the path, api-version and
 * Ocp-Apim-Subscription-Key, parses the multipart body with the platform's own parser
 * (undici's Response.formData, the same code a spec-compliant server would run), reads the WAV it
 * was sent and answers with `phrases[]` in milliseconds relative to that upload.
 *
 * "Recognition" is a lookup: tests teach the fake a recording and its sentences (KnownRecordings);
 * an upload is located inside a learned recording by its PCM bytes (a chunk is a byte-exact slice),
 * so the fake answers with the sentences whose speech falls in the upload, timed by the audio's
 * real energy. Unknown audio gets no phrases, as silence would. Failures are scripted per request.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseWavHeader } from '../../services/media/wav.js';

export interface SpeechRun {
  /** Seconds in the recording. */
  start: number;
  end: number;
}

const FRAME_SEC = 0.01;
/** Pauses shorter than this stay inside one utterance (espeak leaves ~0.1 s between words). */
const MERGE_GAP_SEC = 0.5;

/** Speech runs of 16-bit mono PCM by frame energy, relative to the quietest tenth of frames. */
export function speechRuns(pcm: Buffer, sampleRate: number): SpeechRun[] {
  const frame = Math.round(sampleRate * FRAME_SEC);
  const n = Math.floor(pcm.length / 2 / frame);
  const db = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    let sum = 0;
    for (let i = 0; i < frame; i++) {
      const s = pcm.readInt16LE((f * frame + i) * 2) / 32768;
      sum += s * s;
    }
    const rms = Math.sqrt(sum / frame);
    db[f] = rms > 1e-6 ? 20 * Math.log10(rms) : -120;
  }
  const floor = [...db].sort((a, b) => a - b)[Math.floor(n * 0.1)] ?? -120;
  const threshold = Math.max(floor + 12, -55);
  const runs: SpeechRun[] = [];
  for (let f = 0; f < n; f++) {
    if (db[f]! <= threshold) continue;
    const t = f * FRAME_SEC;
    const last = runs.at(-1);
    if (last && t - last.end < MERGE_GAP_SEC) last.end = t + FRAME_SEC;
    else runs.push({ start: t, end: t + FRAME_SEC });
  }
  return runs;
}

/** A word as [text, startSec, endSec]. */
export type HeardWord = [string, number, number];

export interface HeardUtterance extends SpeechRun {
  /** Index of the utterance in the learned recording (global, the same in every chunk). */
  index: number;
  text: string;
  /** Spread over the run by length: the fake's stand-in for recognised word times. */
  words: HeardWord[];
}

interface Learned {
  pcm: Buffer;
  sampleRate: number;
  utterances: HeardUtterance[];
}

/** What the fakes "recognise": learned recordings, each speech run paired with its sentence. */
export class KnownRecordings {
  private readonly learned: Learned[] = [];

  /** Learns a WAV made from `sentences` with pauses between them; the run count must match. */
  async learn(wavPath: string, sentences: readonly string[]): Promise<HeardUtterance[]> {
    const bytes = await readFile(wavPath);
    const info = parseWavHeader(bytes, bytes.length);
    const pcm = bytes.subarray(info.dataOffset, info.dataOffset + info.dataBytes);
    const runs = speechRuns(pcm, info.sampleRate);
    if (runs.length !== sentences.length) {
      throw new Error(`${wavPath}: ${runs.length} speech runs for ${sentences.length} sentences; use clearer pauses`);
    }
    const utterances = runs.map((r, index) => ({ ...r, index, text: sentences[index]!, words: wordsOver({ ...r, text: sentences[index]! }) }));
    this.learned.push({ pcm, sampleRate: info.sampleRate, utterances });
    return utterances;
  }

  /**
   * The utterances inside an uploaded WAV, with times relative to the upload, clipped to it.
   * Unknown audio → [].
   */
  hear(wav: Buffer): { durationSec: number; utterances: HeardUtterance[] } {
    const info = parseWavHeader(wav, wav.length);
    const pcm = wav.subarray(info.dataOffset, info.dataOffset + info.dataBytes);
    // Slices start in silence, which is everywhere; anchor on the first clearly audible sample.
    let loud = 0;
    while (loud + 1 < pcm.length && Math.abs(pcm.readInt16LE(loud)) < 1000) loud += 2;
    const probe = pcm.subarray(loud, loud + 3200);
    for (const rec of this.learned) {
      if (probe.length < 3200) break;
      let at = rec.pcm.indexOf(probe);
      while (at >= 0 && (at < loud || (at - loud) % 2 !== 0 || !rec.pcm.subarray(at - loud, at - loud + pcm.length).equals(pcm))) at = rec.pcm.indexOf(probe, at + 1);
      if (at < 0) continue;
      at -= loud;
      const offset = at / 2 / rec.sampleRate;
      const end = offset + info.durationSec;
      // A slice may cut an utterance at a pause inside it: each word goes where its middle is.
      const utterances = rec.utterances.flatMap((u): HeardUtterance[] => {
        const words = u.words
          .filter(([, s, e]) => (s + e) / 2 >= offset && (s + e) / 2 < end)
          .map(([t, s, e]): HeardWord => [t, Math.max(0, s - offset), Math.min(info.durationSec, e - offset)]);
        if (words.length === 0) return [];
        return [{ index: u.index, text: words.map((w) => w[0]).join(' '), start: words[0]![1], end: words.at(-1)![2], words }];
      });
      return { durationSec: info.durationSec, utterances };
    }
    return { durationSec: info.durationSec, utterances: [] };
  }
}

/** Words of an utterance spread over it by length, as [text, startSec, endSec]. */
export function wordsOver(u: SpeechRun & { text: string }): HeardWord[] {
  const tokens = u.text.split(/\s+/).filter(Boolean);
  const chars = tokens.reduce((n, t) => n + t.length, 0);
  let done = 0;
  return tokens.map((t) => {
    const s = u.start + ((u.end - u.start) * done) / chars;
    done += t.length;
    return [t, s, u.start + ((u.end - u.start) * done) / chars];
  });
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** Text form fields; repeated names (`timestamp_granularities[]`) keep every value. */
  fields: Record<string, string[]>;
  files: { field: string; filename: string; type: string; bytes: Buffer }[];
}

/** A scripted answer for one request: an HTTP error, or no answer at all until the fake closes. */
export type ScriptedReply = { status: number; body?: unknown; headers?: Record<string, string> } | { hang: true };

/** Shared plumbing of the loopback fakes: request recording, multipart parsing, scripted replies. */
export class LoopbackFake {
  readonly requests: RecordedRequest[] = [];
  private readonly script: ScriptedReply[] = [];
  private readonly listeners: ((r: RecordedRequest) => void)[] = [];
  private server!: Server;
  protected port = 0;

  protected constructor(private readonly handle: (req: RecordedRequest, res: ServerResponse) => void) {}

  protected async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Replies used, in order, for the next requests (after the checks of path and key). */
  failNext(...replies: ScriptedReply[]): void {
    this.script.push(...replies);
  }

  /** Resolves when the next request has been received and parsed. */
  nextRequest(): Promise<RecordedRequest> {
    return new Promise((resolve) => this.listeners.push(resolve));
  }

  protected takeScripted(res: ServerResponse): boolean {
    const reply = this.script.shift();
    if (!reply) return false;
    if ('hang' in reply) return true; // answered never; closeAllConnections ends it
    send(res, reply.status, reply.body ?? {}, reply.headers);
    return true;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, fields: {}, files: [] };
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      try {
        const form = await new Response(body, { headers: { 'content-type': type } }).formData();
        for (const [field, value] of form.entries()) {
          if (typeof value === 'string') (recorded.fields[field] ??= []).push(value);
          else recorded.files.push({ field, filename: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
        }
      } catch {
        // Left empty: the handler answers 400 for a body it cannot read, as the real service does.
      }
    }
    this.requests.push(recorded);
    this.listeners.splice(0).forEach((l) => l(recorded));
    this.handle(recorded, res);
  }
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export interface AzureSpeechFakeOptions {
  key: string;
  known: KnownRecordings;
  /** The service's size cap; larger uploads get 413. */
  maxUploadBytes?: number;
  /** Phrase confidence to report. */
  confidence?: number;
}

const azureError = (code: string, message: string): unknown => ({ error: { code, message } });

export class AzureSpeechFake extends LoopbackFake {
  private constructor(private readonly opts: AzureSpeechFakeOptions) {
    super((req, res) => this.answer(req, res));
  }

  static async start(opts: AzureSpeechFakeOptions): Promise<AzureSpeechFake> {
    const fake = new AzureSpeechFake(opts);
    await fake.listen();
    return fake;
  }

  /** What AZURE_SPEECH_ENDPOINT would hold. */
  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private answer(req: RecordedRequest, res: ServerResponse): void {
    const url = new URL(req.url, this.endpoint);
    if (req.method !== 'POST' || url.pathname !== '/speechtotext/transcriptions:transcribe') {
      return send(res, 404, azureError('404', 'Resource not found'));
    }
    if (url.searchParams.get('api-version') !== '2024-11-15') {
      return send(res, 400, azureError('InvalidRequest', `Unsupported api-version ${url.searchParams.get('api-version')}`));
    }
    if (req.headers['ocp-apim-subscription-key'] !== this.opts.key) {
      return send(res, 401, azureError('401', 'Access denied due to invalid subscription key or wrong API endpoint.'));
    }
    if (this.takeScripted(res)) return;
    const audio = req.files.find((f) => f.field === 'audio');
    const definitionText = req.fields.definition?.[0];
    if (!audio) return send(res, 400, { code: 'InvalidRequest', message: 'The audio part is missing.' });
    if (audio.bytes.length > (this.opts.maxUploadBytes ?? 200 * 1024 * 1024)) {
      return send(res, 413, { code: 'InvalidRequest', message: 'The audio file is too large.' });
    }
    let definition: { locales?: string[]; diarization?: { enabled?: boolean; maxSpeakers?: number } } = {};
    try {
      if (definitionText !== undefined) definition = JSON.parse(definitionText) as typeof definition;
    } catch {
      return send(res, 400, { code: 'InvalidRequest', message: 'The definition is not valid JSON.' });
    }
    let heard;
    try {
      heard = this.opts.known.hear(audio.bytes);
    } catch {
      return send(res, 422, { code: 'InvalidAudioFormat', message: 'The audio could not be decoded.' });
    }
    const diarize = definition.diarization?.enabled === true;
    const maxSpeakers = definition.diarization?.maxSpeakers ?? 2;
    const ms = (s: number): number => Math.round(s * 1000);
    const locale = definition.locales?.[0] ?? 'en-US';
    const phrases = heard.utterances.map((u) => ({
      offsetMilliseconds: ms(u.start),
      durationMilliseconds: ms(u.end) - ms(u.start),
      text: u.text,
      words: u.words.map(([text, s, e]) => ({ text, offsetMilliseconds: ms(s), durationMilliseconds: ms(e) - ms(s) })),
      locale,
      confidence: this.opts.confidence ?? 0.93,
      ...(diarize && { speaker: (u.index % Math.min(2, maxSpeakers)) + 1 }),
    }));
    send(res, 200, {
      durationMilliseconds: ms(heard.durationSec),
      combinedPhrases: [{ text: heard.utterances.map((u) => u.text).join(' ') }],
      phrases,
    });
  }
}
