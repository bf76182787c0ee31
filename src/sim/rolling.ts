import { BINS, Histogram, percentileOf } from './histogram';

// A rolling count over the last few buckets, so health verdicts rest on about a second of
// traffic rather than on one small bucket (one error among five requests is not an outage).
export class Rolling {
  private readonly done: Float64Array;
  private readonly bad: Float64Array;
  private at = 0;
  total = 0;
  failed = 0;

  constructor(buckets: number) {
    this.done = new Float64Array(Math.max(1, buckets));
    this.bad = new Float64Array(Math.max(1, buckets));
  }

  push(done: number, bad: number): void {
    this.total += done - this.done[this.at];
    this.failed += bad - this.bad[this.at];
    this.done[this.at] = done;
    this.bad[this.at] = bad;
    this.at = (this.at + 1) % this.done.length;
  }

  get ratio(): number {
    return this.total > 0 ? this.failed / this.total : 0;
  }
}

/** How many buckets make up `ms`, at least one. */
export function bucketsFor(ms: number, bucketMs: number): number {
  return Math.max(1, Math.round(ms / bucketMs));
}

/** Latency over the last few buckets: one histogram per bucket, summed when asked. */
export class RollingHistogram {
  private readonly parts: Histogram[];
  private at = 0;

  constructor(buckets: number) {
    this.parts = Array.from({ length: Math.max(1, buckets) }, () => new Histogram());
  }

  get current(): Histogram {
    return this.parts[this.at];
  }

  /** Moves to the next bucket, forgetting the oldest. */
  advance(): void {
    this.at = (this.at + 1) % this.parts.length;
    this.parts[this.at].reset();
  }

  get total(): number {
    let t = 0;
    for (const p of this.parts) t += p.total;
    return t;
  }

  percentile(p: number): number {
    const sum = new Uint32Array(BINS);
    let total = 0;
    for (const part of this.parts) {
      if (part.total === 0) continue;
      total += part.total;
      for (let i = 0; i < BINS; i++) sum[i] += part.counts[i];
    }
    return percentileOf(sum, total, p);
  }
}
