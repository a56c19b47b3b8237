/**
 * Runs an external tool (ffprobe, ffmpeg, pocketsphinx) without a shell, so file names can never be
 * interpreted as shell syntax, and collects its output. The caller decides what an exit code means.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { toolError } from './errors.js';

export interface ToolResult {
  /** Exit code, or null when the process was ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunToolOptions {
  signal?: AbortSignal;
  /** Caps captured stderr: ffmpeg can log a line per damaged frame of a long file. */
  maxStderrBytes?: number;
  /**
   * Caps captured stdout. Past it the tool is killed and the call fails with `tool_failed`: output
   * that large is never what a caller wants, and turning it into one string would throw inside an
   * event handler and take the whole process down.
   */
  maxStdoutBytes?: number;
}

export function runTool(command: string, args: readonly string[], opts: RunToolOptions = {}): Promise<ToolResult> {
  const maxStderr = opts.maxStderrBytes ?? 64 * 1024;
  const maxStdout = opts.maxStdoutBytes ?? 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    opts.signal?.throwIfAborted();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: opts.signal });
    const out: Buffer[] = [];
    let outBytes = 0;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes <= maxStdout) out.push(b);
      else if (!child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (b: Buffer) => {
      // Keep the tail: the last lines usually carry the reason a tool gave up.
      err = (err + b.toString('utf8')).slice(-maxStderr);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.name === 'AbortError') reject(opts.signal?.reason ?? e);
      else if (e.code === 'ENOENT') reject(toolError('tool_missing', `${command} is not installed or not on PATH`));
      else reject(toolError('tool_failed', `${command} could not start: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      if (opts.signal?.aborted) return reject(opts.signal.reason);
      if (outBytes > maxStdout) return reject(toolError('tool_failed', `${command} printed more than ${maxStdout} bytes`));
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: err });
    });
  });
}

/** The last non-empty stderr line, for error messages that stay short. */
export const lastLine = (s: string): string =>
  s.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '';

/**
 * ffmpeg and ffprobe read "concat:a|b", "http://…" and other protocol URLs where a path is
 * expected; an explicit `file:` keeps an odd file name from ever being taken as one.
 */
export const localFileUrl = (path: string): string => `file:${resolve(path)}`;
