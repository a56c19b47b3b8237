/**
 * WriteBudget (services/upload/write-budget.ts): one upload alone queues up to the maximum, many at
 * once split the budget down to the floor, and a share changes as PATCHes start and end.
 */
import { describe, expect, it } from '@jest/globals';
import { WriteBudget } from '../../../services/upload/write-budget.js';

const KB = 1024;
const MB = 1024 * KB;

describe('WriteBudget', () => {
  it('defaults: 2 MB alone, 16 MB split evenly, never under 256 KB', () => {
    const budget = new WriteBudget();
    const shares = Array.from({ length: 100 }, () => budget.acquire());
    expect(budget.active).toBe(100);
    expect(shares[0]!.bytes()).toBe(256 * KB); // 16 MB / 100 is below the floor
    shares.slice(1).forEach((s) => s.release());
    expect(shares[0]!.bytes()).toBe(2 * MB); // alone again: the cap, not the whole budget
  });

  it('splits the budget evenly between the caps', () => {
    const budget = new WriteBudget({ totalBytes: 12 * MB, minBytes: MB, maxBytes: 8 * MB });
    const a = budget.acquire();
    expect(a.bytes()).toBe(8 * MB);
    const b = budget.acquire();
    expect(a.bytes()).toBe(6 * MB);
    const c = budget.acquire();
    const d = budget.acquire();
    expect([a, b, c, d].map((s) => s.bytes())).toEqual([3 * MB, 3 * MB, 3 * MB, 3 * MB]);
    const more = Array.from({ length: 20 }, () => budget.acquire());
    expect(a.bytes()).toBe(MB);
    more.forEach((s) => s.release());
    expect(a.bytes()).toBe(3 * MB);
  });

  it('a release counts once, however often it is called', () => {
    const budget = new WriteBudget({ totalBytes: 4 * MB, minBytes: KB, maxBytes: 4 * MB });
    const a = budget.acquire();
    const b = budget.acquire();
    b.release();
    b.release();
    expect(budget.active).toBe(1);
    expect(a.bytes()).toBe(4 * MB);
    a.release();
    expect(budget.active).toBe(0);
  });

  it('caps that contradict each other are made consistent', () => {
    const budget = new WriteBudget({ totalBytes: 10, minBytes: 100, maxBytes: 50 });
    expect(budget.minBytes).toBe(100);
    expect(budget.maxBytes).toBe(100);
    expect(budget.acquire().bytes()).toBe(100);
  });
});
