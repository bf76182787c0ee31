import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binOf, Histogram, binValue } from '../../../src/sim/histogram';
import { Rng } from '../../../src/sim/rng';

describe('latency histogram', () => {
  it('represents any latency from 1 µs to an hour within 3.2%', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 3_600_000, noNaN: true }), (ms) => {
        expect(Math.abs(binValue(binOf(ms)) - ms) / ms).toBeLessThan(0.032);
      }),
      { numRuns: 5_000 },
    );
  });

  it('orders bins like the values', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true }), (a, b) =>
        a <= b ? binOf(a) <= binOf(b) : binOf(a) >= binOf(b),
      ),
    );
  });

  it('gives the percentiles of an exponential distribution within 4%', () => {
    const rng = new Rng(5);
    const h = new Histogram();
    for (let i = 0; i < 200_000; i++) h.add(rng.exponential(10));
    for (const p of [50, 95, 99]) {
      const exact = -10 * Math.log(1 - p / 100);
      expect(Math.abs(h.percentile(p) - exact) / exact).toBeLessThan(0.04);
    }
  });

  it('puts zero, negative and NaN in the lowest bin', () => {
    expect(binOf(0)).toBe(0);
    expect(binOf(-5)).toBe(0);
    expect(binOf(Number.NaN)).toBe(0);
  });
});
