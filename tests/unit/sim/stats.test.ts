// Confidence intervals and the difference test, against values worked out by hand and tables.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/sim/rng';
import { compareEstimates, estimate, t975 } from '../../../src/sim/stats';

describe('estimates over seeds', () => {
  it('gives the mean and the t-based 95% interval', () => {
    // 2, 4, 6, 8: mean 5, sd sqrt(20/3) = 2.582; t(3) = 3.182; half = 3.182 × 2.582 / 2 = 4.108.
    const e = estimate([2, 4, 6, 8]);
    expect(e.mean).toBe(5);
    expect(e.sd).toBeCloseTo(2.582, 3);
    expect(e.half).toBeCloseTo(4.108, 2);
    expect(estimate([7]).half).toBeNaN();
    expect(estimate([]).n).toBe(0);
  });

  it('reads Student’s t from its table, and between rows', () => {
    expect(t975(1)).toBe(12.706);
    expect(t975(9)).toBe(2.262);
    expect(t975(9.5)).toBeCloseTo((2.262 + 2.228) / 2, 5);
    expect(t975(40)).toBeCloseTo(2.021, 2);
    expect(t975(1e6)).toBeCloseTo(1.96, 2);
    expect(t975(0.5)).toBe(Infinity);
  });

  it('covers the true mean about 95 times in 100', () => {
    // Normal samples of 10 from the engine's own seeded generator.
    const rng = new Rng(12345);
    const normal = () => rng.normal();
    let covered = 0;
    const trials = 2_000;
    for (let t = 0; t < trials; t++) {
      const e = estimate(Array.from({ length: 10 }, () => 50 + 5 * normal()));
      if (Math.abs(e.mean - 50) <= e.half) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.93);
    expect(covered / trials).toBeLessThan(0.97);
  });

  it('calls a difference beyond the noise only when the intervals say so', () => {
    const a = estimate([0.95, 0.96, 0.94, 0.95, 0.96]);
    expect(compareEstimates(a, estimate([0.8, 0.82, 0.79, 0.81, 0.8])).verdict).toBe('beyond the noise');
    expect(compareEstimates(a, estimate([0.94, 0.97, 0.95, 0.96, 0.93])).verdict).toBe('within the noise');
    expect(compareEstimates(estimate([1]), a).verdict).toBe('too few runs');
  });
});
