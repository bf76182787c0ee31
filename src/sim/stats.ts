// Figures over several runs: the mean with its 95% confidence interval (Student's t, since a
// handful of seeds is a small sample), and whether two such figures differ beyond the noise
// (Welch's t-test, which does not assume the two spreads are equal).

/** Two-sided 97.5% quantiles of Student's t for 1 to 30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The t value a 95% interval uses with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function t975(df: number): number {
  if (!(df >= 1)) return Infinity;
  if (df >= 120) return 1.96 + 2.4 / df; // within 0.1% of the table from here on
  if (df > 30) return 1.96 + (2.042 - 1.96) * (30 / df); // t falls toward 1.96 about as 1/df
  const lo = Math.floor(df);
  const hi = Math.min(30, lo + 1);
  const f = df - lo;
  return T975[lo - 1] * (1 - f) + T975[hi - 1] * f;
}

export interface Estimate {
  mean: number;
  /** Half the width of the 95% confidence interval: the truth is within mean ± half, 95 times in 100. */
  half: number;
  /** Sample standard deviation. */
  sd: number;
  n: number;
}

export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, half: Number.NaN, sd: Number.NaN, n: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, half: Number.NaN, sd: Number.NaN, n };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  return { mean, half: (t975(n - 1) * sd) / Math.sqrt(n), sd, n };
}

export type Verdict = 'beyond the noise' | 'within the noise' | 'too few runs';

/** Whether b differs from a more than chance would explain, at 95% (Welch's t-test). */
export function compareEstimates(a: Estimate, b: Estimate): { difference: number; half: number; verdict: Verdict } {
  const difference = b.mean - a.mean;
  if (a.n < 2 || b.n < 2) return { difference, half: Number.NaN, verdict: 'too few runs' };
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { difference, half: 0, verdict: difference === 0 ? 'within the noise' : 'beyond the noise' };
  // Welch–Satterthwaite degrees of freedom.
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = t975(df) * se;
  return { difference, half, verdict: Math.abs(difference) > half ? 'beyond the noise' : 'within the noise' };
}
