/**
 * Schemathesis (a third-party, property-based API tester) against the real app and its served
 * OpenAPI document, with every check: 5xx, status codes, content types, response headers and
 * schemas, invalid data rejected, valid data accepted, missing required headers, 405 + Allow for
 * undeclared methods, use after free, resource availability, ignored auth, and stateful sequences
 * along the links it infers. Bounded: 20 examples per operation, seed 1, one worker, 10 s per
 * request; about half a minute. No operation is excluded.
 *
 * Schemathesis comes from PyPI into .cache/schemathesis/venv (scripts/setup-schemathesis.sh, pinned,
 * idempotent); settings and the one custom serializer are in test/contract/schemathesis.toml.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { openApiDocument } from '../../services/api/openapi.js';
import { type RunningApp, startTestApp } from '../helpers/app.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ST = path.join(ROOT, '.cache/schemathesis/venv/bin/st');
const CONFIG = path.join(ROOT, 'test/contract/schemathesis.toml');
const RUN_TIMEOUT_MS = 240_000;

withAuthEmulator();
let run: RunningApp;
let token: string;

beforeAll(async () => {
  const setup = spawnSync('bash', [path.join(ROOT, 'scripts/setup-schemathesis.sh')], { encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(`setup-schemathesis failed:\n${setup.stdout}${setup.stderr}`);
  // Any schema-valid body must fit the JSON limit: Schemathesis escapes non-ASCII as \uXXXX, so
  // 40,000 characters of text fields can reach ~500 kB (browsers send UTF-8, well under 256 kB).
  run = await startTestApp({ MAX_JSON_BYTES: String(1024 ** 2) });
  token = (await signUp()).idToken;
}, 120_000);
afterAll(async () => run?.stop());

/** Runs `st` without blocking the event loop: the app under test lives in this process. */
function schemathesis(args: string[]): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(ST, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1' } });
    let output = '';
    child.stdout.on('data', (b: Buffer) => void (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => void (output += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

/** The failures and errors sections, with generated payloads cut short (they can be 100 kB+). */
const report = (output: string) =>
  output.split('\n').map((l) => (l.length > 300 ? `${l.slice(0, 300)}…` : l)).join('\n');

it('the config allows 422 on exactly the operations that document it', () => {
  const documented = Object.values(openApiDocument().paths).flatMap((item) =>
    Object.values(item as Record<string, { operationId?: string; responses?: Record<string, unknown> }>)
      .filter((op) => op && typeof op === 'object' && op.responses?.['422'])
      .map((op) => op.operationId!),
  );
  const configured = /include-operation-id = \[([^\]]*)\]/.exec(fs.readFileSync(CONFIG, 'utf8'))![1]!.match(/"[^"]+"/g)!.map((s) => s.slice(1, -1));
  expect(configured.sort()).toEqual(documented.sort());
});

it('every operation has a unique operationId', () => {
  const ids = Object.values(openApiDocument().paths).flatMap((item) =>
    Object.entries(item as Record<string, { operationId?: string }>).filter(([k]) => k !== 'parameters').map(([, op]) => op.operationId),
  );
  expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
});

it('finds no failure with --checks all', async () => {
  const { code, output, ms } = await schemathesis([
    '--config-file', CONFIG,
    'run', `${run.base}/api/v1/openapi.json`,
    '--checks', 'all',
    '--header', `Authorization: Bearer ${token}`,
    '--max-examples', '20',
    '--seed', '1',
    '--workers', '1',
    '--request-timeout', '10',
    '--generation-database', 'none',
    '--no-color',
  ]);
  const summary = output.trim().split('\n').at(-1) ?? '';
  process.stderr.write(`[schemathesis] ${summary.replace(/=+/g, '').trim()} (${(ms / 1000).toFixed(1)} s)\n`);
  if (code !== 0) throw new Error(`Schemathesis exited ${code}:\n${report(output)}`);
  expect(summary).toMatch(/ passed| no issues|\d+ (warning|warnings) in/);
}, RUN_TIMEOUT_MS + 30_000);
