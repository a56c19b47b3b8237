/**
 * The table of adapters every conformance suite runs against (the components-contrib pattern: one
 * suite per building block, one row per implementation). No adapter lands without its row here.
 *
 * What a row must provide beyond `AdapterRow` (suites read these, and skip what a row leaves out):
 * - `components.cron` names an input binding that fires about every 200 ms (the bindings suite waits
 *   for 3 firings within 3 s).
 * - `knownSecret` is a [key, value] the secret store `components.secrets` holds.
 * - `actorIdleTimeoutMs` (optional): the actor idle timeout the row configured. When present it must
 *   be short (≤ 1 s); the idle-deactivation tests are skipped for a row without it.
 *
 * Select rows with `CONFORMANCE_ADAPTER=embedded` (comma-separated for several) or `--adapter=NAME`
 * on the command line; an unknown name fails loudly instead of silently running nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmbeddedRuntime } from '../../dapr/embedded/runtime.js';
import { Components, type DaprRuntime } from '../../dapr/ports/index.js';
import type { AdapterInstance, AdapterRow } from './harness.js';
import { createSidecarInstance } from './sidecar-row.js';

export interface ConformanceRow extends AdapterRow {
  /** Idle timeout the row configured for actors; absent = idle deactivation is not tested. */
  actorIdleTimeoutMs?: number;
}

const CRON_BINDING = 'conformance-cron';
const SECRET_KEY = 'IB_CONFORMANCE_SECRET';
const SECRET_VALUE = 's3cret-value-✓';
const IDLE_MS = 400;

const embedded: ConformanceRow = {
  name: 'embedded',
  components: {
    state: Components.state,
    pubsub: Components.pubsub,
    blob: Components.artifacts,
    cron: CRON_BINDING,
    secrets: Components.secrets,
  },
  // The embedded secret store reads process.env for store 'secrets'; create() sets the variable.
  knownSecret: [SECRET_KEY, SECRET_VALUE],
  actorIdleTimeoutMs: IDLE_MS,
  async create(configure) {
    process.env[SECRET_KEY] = SECRET_VALUE;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-conformance-'));
    const build = (configureRuntime: (runtime: DaprRuntime) => void): DaprRuntime => {
      const runtime = createEmbeddedRuntime({
        dataDir,
        appId: 'conformance',
        actorIdleTimeoutMs: IDLE_MS,
        cron: { [CRON_BINDING]: '@every 200ms' },
        pollIntervalMs: 10,
      });
      configureRuntime(runtime);
      return runtime;
    };
    let runtime = build(configure);
    await runtime.start();
    const instance: AdapterInstance = {
      get runtime() {
        return runtime;
      },
      async restart(configureNext) {
        await runtime.stop();
        runtime = build(configureNext);
        await runtime.start();
        return runtime;
      },
      async close() {
        await runtime.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
    return instance;
  },
};

const sidecar: ConformanceRow = {
  name: 'sidecar',
  components: embedded.components,
  knownSecret: [SECRET_KEY, SECRET_VALUE],
  actorIdleTimeoutMs: IDLE_MS,
  create: (configure) => createSidecarInstance(configure, { cronBinding: CRON_BINDING, secret: [SECRET_KEY, SECRET_VALUE], idleMs: IDLE_MS }),
};

const allRows: readonly ConformanceRow[] = [embedded, sidecar];

function requestedNames(): string[] {
  const fromArgv = process.argv.find((arg) => arg.startsWith('--adapter='))?.slice('--adapter='.length);
  const raw = process.env.CONFORMANCE_ADAPTER ?? fromArgv ?? '';
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The rows selected for this run (all of them unless a filter is set). */
export function conformanceRows(): readonly ConformanceRow[] {
  const names = requestedNames();
  if (names.length === 0) return allRows;
  const unknown = names.filter((n) => !allRows.some((row) => row.name === n));
  if (unknown.length > 0) {
    throw new Error(`unknown conformance adapter(s): ${unknown.join(', ')}; known: ${allRows.map((r) => r.name).join(', ')}`);
  }
  return allRows.filter((row) => names.includes(row.name));
}
