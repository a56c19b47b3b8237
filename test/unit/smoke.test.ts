import { describe, expect, it } from '@jest/globals';
describe('harness', () => { it('runs ESM TypeScript', () => { const x: number = 2; expect(x * 2).toBe(4); }); });
