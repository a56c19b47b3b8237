import { describe, expect, it } from '@jest/globals';
import { pct, table, verdict } from '../../../eval/table.js';

describe('eval table helpers', () => {
  it('judges against min and max targets, and not without a figure or target', () => {
    expect(verdict(0.96, { min: 0.95 })).toBe('PASS');
    expect(verdict(0.9, { min: 0.95 })).toBe('MISS');
    expect(verdict(0.031, { max: 0.03 })).toBe('MISS');
    expect(verdict(null, { min: 0.95 })).toBe('–');
    expect(verdict(0.5, null)).toBe('–');
  });

  it('pads columns and formats percentages', () => {
    expect(table(['a', 'bb'], [['xyz', 1], ['q', null]])).toBe('a    bb\n---  --\nxyz   1\nq     –');
    expect(pct(0.0312, 2)).toBe('3.12%');
    expect(pct(null)).toBe('–');
  });
});
