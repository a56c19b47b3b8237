/**
 * What the same actor state would cost in Redis, the sidecar mode's local state store
 * (components/local/statestore.yaml, state.redis with actorStateStore): every actor_state row of an
 * embedded database is written to a real, throw-away redis-server the way Dapr's Redis store keeps
 * it — one hash per key `<appId>||<actorType>||<actorId>||<key>` with fields `data` and `version`
 * (components-contrib state/redis set script) — then INFO memory is read.
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { freePort } from '../../test/helpers/ports.js';

export interface RedisFootprint {
  keys: number;
  /** used_memory after loading minus before (bytes). */
  usedBytes: number;
  /** RSS of redis-server after loading (bytes). */
  rssBytes: number;
}

const resp = (...parts: string[]): string =>
  `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;

function run(cmd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out}`))));
    child.stdin?.on('error', reject).end(input);
  });
}

const info = async (port: number, field: string): Promise<number> =>
  Number(new RegExp(`${field}:(\\d+)`).exec(await run('redis-cli', ['-p', String(port), 'INFO', 'memory']))?.[1] ?? NaN);

/** Loads every actor_state row of `dbFile` into a fresh redis-server and measures it. */
export async function redisFootprint(dbFile: string, appId = 'api'): Promise<RedisFootprint> {
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  try {
    for (let i = 0; ; i++) {
      if (await run('redis-cli', ['-p', String(port), 'PING']).then((o) => o.includes('PONG'), () => false)) break;
      if (i > 100) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    const before = await info(port, 'used_memory');
    const db = new Database(dbFile, { readonly: true });
    let keys = 0;
    let batch = '';
    try {
      for (const row of db.prepare<[], { type: string; id: string; key: string; value: string }>('SELECT type, id, key, value FROM actor_state').iterate()) {
        batch += resp('HSET', `${appId}||${row.type}||${row.id}||${row.key}`, 'data', row.value, 'version', '1');
        keys++;
        if (batch.length > 8 * 1024 * 1024) {
          await run('redis-cli', ['-p', String(port), '--pipe'], batch);
          batch = '';
        }
      }
    } finally {
      db.close();
    }
    if (batch) await run('redis-cli', ['-p', String(port), '--pipe'], batch);
    return { keys, usedBytes: (await info(port, 'used_memory')) - before, rssBytes: await info(port, 'used_memory_rss') };
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}
