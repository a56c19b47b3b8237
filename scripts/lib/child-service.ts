/**
 * A helper service (Azurite, the Cosmos emulator, redis, placement, daprd) as a child process: started on a free port,
 * awaited until it answers, and stopped with SIGTERM (SIGKILL after a grace period). Its output is
 * kept for the error message when it fails to start.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';

export interface ChildService {
  readonly pid: number;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL, no grace: a crash. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** Resolves when the process exits, for whatever reason. */
  readonly exited: Promise<void>;
}

export interface ChildServiceOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Ready when this resolves true (default: the port accepts connections). */
  ready?: () => Promise<boolean>;
  /** Also print the output, each line prefixed with this (launchers; tests keep it quiet). */
  echo?: string;
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export async function startChildService(
  name: string,
  command: string,
  args: string[],
  port: number,
  options: ChildServiceOptions | number = {},
): Promise<ChildService> {
  const { timeoutMs = 20_000, env = process.env, ready = () => canConnect(port), echo } = typeof options === 'number' ? { timeoutMs: options } : options;
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, NODE_OPTIONS: '' } });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out = (out + c.toString('utf8')).slice(-(process.env.DAPRD_LOG_LEVEL ? 400_000 : 8000))));
  child.stderr!.on('data', (c: Buffer) => (out = (out + c.toString('utf8')).slice(-(process.env.DAPRD_LOG_LEVEL ? 400_000 : 8000))));
  if (echo !== undefined) {
    const print = (c: Buffer) => process.stdout.write(c.toString('utf8').replace(/^(?=.)/gm, echo));
    child.stdout!.on('data', print);
    child.stderr!.on('data', print);
  }
  // If the test process dies without calling stop(), do not leave the service running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.removeListener('exit', killOnExit);
      resolve();
    }),
  );
  const service: ChildService = {
    pid: child.pid!,
    exited,
    output: () => out,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited during start: ${out}`);
    if (await ready().catch(() => false)) return service;
    if (Date.now() > until) {
      await service.stop();
      throw new Error(`${name} did not listen on ${port} within ${timeoutMs} ms: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
