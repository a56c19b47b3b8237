/**
 * web/ talks to the server only through the API contract: every import under web/src resolves inside
 * web/ or to the contract (services/contract, plus live.contract.ts which lives beside its socket).
 * Packages (bare specifiers) are the web app's own dependencies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const web = path.join(root, 'web');
const ALLOWED = [path.join(root, 'services/contract'), path.join(root, 'services/api/live.contract')];

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx|js|jsx)$/.test(e.name) ? [p] : [];
  });

/** `from '…'`, `import '…'` and `import('…')` specifiers. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function outside(file: string, text = readFileSync(file, 'utf8')): string[] {
  return [...text.matchAll(SPECIFIER)]
    .map((m) => m[1]!)
    .filter((s) => s.startsWith('.') || s.startsWith('/'))
    .filter((s) => {
      const target = path.resolve(path.dirname(file), s).replace(/\.(js|ts|tsx)$/, '');
      const inWeb = target === web || target.startsWith(web + path.sep);
      return !inWeb && !ALLOWED.some((a) => target === a || target.startsWith(a + path.sep));
    })
    .map((s) => `${path.relative(root, file)}: ${s}`);
}

describe('web/ depends on the API contract only', () => {
  it('no file under web/src imports a server path outside the contract', () => {
    const files = sources(path.join(web, 'src'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((f) => outside(f))).toEqual([]);
  });

  it('the check flags a server internal and lets the contract through', () => {
    const file = path.join(web, 'src/lib/example.ts');
    const text = [
      "import type { Status } from '../../../actors/interview.types';",
      "const lazy = import('../../../services/api/socket.js');",
      "import type { Report } from '../../../services/contract';",
      "import type { LiveCaption } from '../../../services/api/live.contract';",
      "import { format } from './format';",
      "import { render } from 'solid-js/web';",
    ].join('\n');
    expect(outside(file, text)).toEqual(['web/src/lib/example.ts: ../../../actors/interview.types', 'web/src/lib/example.ts: ../../../services/api/socket.js']);
  });
});
