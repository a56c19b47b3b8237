/**
 * One ffmpeg per live session: MediaRecorder's WebM/Opus bytes in on stdin, 16 kHz mono s16le out
 * on stdout as it decodes. The low-delay flags make it start after the first cluster instead of
 * probing seconds of input first (measured with 250 ms slices: test/integration/live).
 * Spawned without a shell, like run-tool.ts; stdin writes are fire-and-forget (MediaRecorder sends
 * ~4 kB/s, so the pipe never holds much), and a decoder that dies is reported once through `onEnd`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export const DECODER_ARGS: readonly string[] = [
  '-nostdin', '-hide_banner', '-v', 'error',
  '-fflags', 'nobuffer', '-flags', 'low_delay', '-probesize', '32', '-analyzeduration', '0',
  '-f', 'webm', '-i', 'pipe:0',
  '-map', '0:a:0', '-vn', '-ac', '1', '-ar', '16000', '-f', 's16le', '-flush_packets', '1', 'pipe:1',
];

export interface DecoderEvents {
  onPcm(pcm: Int16Array): void;
  /** The decoder exited: `error` is set when it did not end because its input ended. */
  onEnd(error: string | null): void;
}

export class LiveDecoder {
  private readonly child: ChildProcessWithoutNullStreams;
  private odd: Buffer | null = null;
  private ended = false;
  private stderr = '';
  readonly exited: Promise<void>;

  constructor(events: DecoderEvents, command = 'ffmpeg') {
    this.child = spawn(command, [...DECODER_ARGS], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdin.on('error', () => undefined); // EPIPE after ffmpeg gave up: reported on close
    this.child.stderr.on('data', (b: Buffer) => {
      this.stderr = (this.stderr + b.toString('utf8')).slice(-4096);
    });
    this.child.stdout.on('data', (b: Buffer) => {
      const buf = this.odd ? Buffer.concat([this.odd, b]) : b;
      const even = buf.length & ~1;
      this.odd = even < buf.length ? Buffer.from(buf.subarray(even)) : null;
      if (even === 0) return;
      // Copy into an aligned array: a Buffer's offset into its pool may be odd.
      const pcm = new Int16Array(even / 2);
      Buffer.from(pcm.buffer).set(buf.subarray(0, even));
      events.onPcm(pcm);
    });
    this.exited = new Promise((resolve) => {
      this.child.on('error', (e) => {
        this.stderr += `\n${e.message}`;
      });
      this.child.on('close', (code, signal) => {
        const clean = this.ended ? code === 0 || signal === 'SIGKILL' : false;
        events.onEnd(clean ? null : (this.stderr.trim().split('\n').at(-1) ?? '') || `ffmpeg ended (${code ?? signal})`);
        resolve();
      });
    });
  }

  write(bytes: Uint8Array): void {
    if (!this.ended && this.child.stdin.writable) this.child.stdin.write(bytes);
  }

  /** Input is complete: ffmpeg decodes what it has and exits. */
  end(): Promise<void> {
    this.ended = true;
    this.child.stdin.end();
    return this.exited;
  }

  /** Stops at once. */
  kill(): Promise<void> {
    this.ended = true;
    this.child.kill('SIGKILL');
    return this.exited;
  }
}
