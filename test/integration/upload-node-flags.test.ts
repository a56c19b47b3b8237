/**
 * The server's node flags (services/upload/node-flags.ts: a heap floor that keeps uploads after an
 * idle pause from running into back-to-back full GCs) reach every launcher: Node refuses them in
 * NODE_OPTIONS, so `npm start`, `npm run start:dapr` and the image's ENTRYPOINT must each put them on
 * the command line.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../services/upload/node-flags.js';
import { repoRoot } from '../helpers/testdata.js';

describe('server node flags', () => {
  it('are flags this node accepts on the command line', () => {
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
    const r = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('are in the image ENTRYPOINT, between node and the entry file', () => {
    const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');
    const entry = /^ENTRYPOINT\s+(\[.*\])\s*$/m.exec(dockerfile)?.[1];
    expect(entry).toBeDefined();
    const argv = JSON.parse(entry!) as string[];
    const node = argv.indexOf('node');
    expect(argv.slice(node + 1, node + 1 + SERVER_NODE_FLAGS.length)).toEqual([...SERVER_NODE_FLAGS]);
    expect(argv[node + 1 + SERVER_NODE_FLAGS.length]).toBe('dist/services/main.js');
  });

  it('are passed by `npm start` (scripts/start.ts) and `npm run start:dapr` when they spawn the server', () => {
    const start = readFileSync(path.join(repoRoot, 'scripts', 'start.ts'), 'utf8');
    expect(start).toMatch(/spawn\(process\.execPath, \[\.\.\.SERVER_NODE_FLAGS, '--import', 'tsx', 'services\/main\.ts'\]/);
    const dapr = readFileSync(path.join(repoRoot, 'scripts', 'lib', 'dapr-cluster.ts'), 'utf8');
    expect(dapr).toMatch(/startChildService\(name, process\.execPath, \[\.\.\.SERVER_NODE_FLAGS, '--import', 'tsx', /);
  });
});
