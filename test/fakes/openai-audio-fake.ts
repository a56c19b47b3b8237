/**
 * A loopback fake of OpenAI's `POST /v1/audio/transcriptions` that speaks its wire format: Bearer
 * auth, a multipart body (file, model, response_format, timestamp_granularities[],
 * chunking_strategy), the 25 MB cap, and the `verbose_json` / `diarized_json` answers and
 * `{"error":{message,type,param,code}}` failures the SDK parses. Recognition is the same lookup as
 * the Azure fake's (KnownRecordings); diarized speakers alternate A, B by utterance.
 */
import type { ServerResponse } from 'node:http';
import { KnownRecordings, LoopbackFake, send, type RecordedRequest } from './azure-speech-fake.js';

export interface OpenAIAudioFakeOptions {
  apiKey: string;
  known: KnownRecordings;
  /** Larger files get 413, like the real 25 MB cap; tests lower it to force chunking. */
  maxFileBytes?: number;
  /** Segment avg_logprob to report (whisper's per-token log-probability). */
  avgLogprob?: number;
}

const VERBOSE_MODELS = new Set(['whisper-1']);
const DIARIZE_MODELS = new Set(['gpt-4o-transcribe-diarize']);
const JSON_ONLY_MODELS = new Set(['gpt-4o-transcribe', 'gpt-4o-mini-transcribe']);

const openaiError = (message: string, type: string, code: string | null = null, param: string | null = null): unknown => ({
  error: { message, type, param, code },
});

export class OpenAIAudioFake extends LoopbackFake {
  private constructor(private readonly opts: OpenAIAudioFakeOptions) {
    super((req, res) => this.answer(req, res));
  }

  static async start(opts: OpenAIAudioFakeOptions): Promise<OpenAIAudioFake> {
    const fake = new OpenAIAudioFake(opts);
    await fake.listen();
    return fake;
  }

  /** What OPENAI_BASE_URL would hold. */
  get baseURL(): string {
    return `http://127.0.0.1:${this.port}/v1`;
  }

  private answer(req: RecordedRequest, res: ServerResponse): void {
    if (req.method !== 'POST' || req.url.split('?')[0] !== '/v1/audio/transcriptions') {
      return send(res, 404, openaiError(`Invalid URL (${req.method} ${req.url})`, 'invalid_request_error'));
    }
    if (req.headers.authorization !== `Bearer ${this.opts.apiKey}`) {
      return send(res, 401, openaiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
    }
    if (this.takeScripted(res)) return;
    const field = (name: string): string | undefined => req.fields[name]?.[0];
    const file = req.files.find((f) => f.field === 'file');
    const model = field('model');
    const format = field('response_format') ?? 'json';
    const granularities = req.fields['timestamp_granularities[]'] ?? [];
    if (!file) return send(res, 400, openaiError("Missing required parameter: 'file'.", 'invalid_request_error', null, 'file'));
    if (file.bytes.length > (this.opts.maxFileBytes ?? 25 * 1024 * 1024)) {
      return send(res, 413, openaiError(`Maximum content size limit (${this.opts.maxFileBytes}) exceeded (${file.bytes.length} bytes read)`, 'server_error'));
    }
    if (!model) return send(res, 400, openaiError("Missing required parameter: 'model'.", 'invalid_request_error', null, 'model'));
    const bad = (message: string, param: string): void => send(res, 400, openaiError(message, 'invalid_request_error', 'unsupported_value', param));
    if (JSON_ONLY_MODELS.has(model) && format !== 'json' && format !== 'text') return bad(`response_format '${format}' is not compatible with model '${model}'.`, 'response_format');
    if (VERBOSE_MODELS.has(model) && format === 'diarized_json') return bad(`response_format 'diarized_json' is not compatible with model '${model}'.`, 'response_format');
    if (DIARIZE_MODELS.has(model) && format === 'verbose_json') return bad(`response_format 'verbose_json' is not compatible with model '${model}'.`, 'response_format');
    if (granularities.length > 0 && format !== 'verbose_json') return bad('timestamp_granularities requires response_format=verbose_json.', 'timestamp_granularities');
    if (!VERBOSE_MODELS.has(model) && !DIARIZE_MODELS.has(model) && !JSON_ONLY_MODELS.has(model)) {
      return send(res, 404, openaiError(`The model '${model}' does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'));
    }

    let heard;
    try {
      heard = this.opts.known.hear(file.bytes);
    } catch {
      return send(res, 400, openaiError('Audio file might be corrupted or unsupported', 'invalid_request_error', 'invalid_value', 'file'));
    }
    if (DIARIZE_MODELS.has(model) && heard.durationSec > 30 && field('chunking_strategy') === undefined) {
      return bad('chunking_strategy is required for diarization models on inputs longer than 30 seconds.', 'chunking_strategy');
    }
    const text = heard.utterances.map((u) => u.text).join(' ');
    const r3 = (x: number): number => Math.round(x * 1000) / 1000;
    if (format === 'diarized_json') {
      return send(res, 200, {
        task: 'transcribe',
        duration: r3(heard.durationSec),
        text,
        segments: heard.utterances.map((u, i) => ({
          type: 'transcript.text.segment',
          id: `seg_${i}`,
          start: r3(u.start),
          end: r3(u.end),
          text: u.text,
          speaker: u.index % 2 === 0 ? 'A' : 'B',
        })),
        usage: { type: 'duration', seconds: Math.ceil(heard.durationSec) },
      });
    }
    if (format !== 'verbose_json') return send(res, 200, { text });
    const body: Record<string, unknown> = { task: 'transcribe', language: 'english', duration: r3(heard.durationSec), text };
    if (granularities.includes('word')) {
      body.words = heard.utterances.flatMap((u) => u.words.map(([word, s, e]) => ({ word, start: r3(s), end: r3(e) })));
    }
    if (granularities.length === 0 || granularities.includes('segment')) {
      body.segments = heard.utterances.map((u, id) => ({
        id, seek: 0, start: r3(u.start), end: r3(u.end), text: ` ${u.text}`, tokens: [],
        temperature: 0, avg_logprob: this.opts.avgLogprob ?? -0.12, compression_ratio: 1.2, no_speech_prob: 0.01,
      }));
    }
    send(res, 200, body);
  }
}
