// Latency histograms with log-linear bins (16 per doubling, about ±3% error, as HDR histograms
// do), so percentiles cost fixed memory however many requests a run has. The bin comes straight
// from the float's exponent and top mantissa bits: no logarithm on the hot path.
const SUB_BITS = 4;
const SUB = 1 << SUB_BITS;
/** Values are binned in microseconds; below 1 µs everything shares bin 0. */
const SCALE = 1000;
const OCTAVES = 34; // 1 µs .. about 4.7 hours
export const BINS = SUB * OCTAVES + 1;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word second

export function binOf(ms: number): number {
  const x = ms * SCALE;
  if (!(x >= 1)) return 0;
  f64[0] = x;
  const hi = u32[HIGH];
  const octave = (hi >>> 20) - 1023;
  const b = octave * SUB + ((hi >>> (20 - SUB_BITS)) & (SUB - 1)) + 1;
  return b >= BINS ? BINS - 1 : b;
}

/** The representative value of a bin: the middle of its range. */
export function binValue(bin: number): number {
  if (bin === 0) return 0;
  const octave = Math.floor((bin - 1) / SUB);
  const sub = (bin - 1) % SUB;
  return (2 ** octave * (1 + (sub + 0.5) / SUB)) / SCALE;
}

export class Histogram {
  readonly counts = new Uint32Array(BINS);
  total = 0;

  add(ms: number): void {
    this.counts[binOf(ms)]++;
    this.total++;
  }

  percentile(p: number): number {
    return percentileOf(this.counts, this.total, p);
  }

  reset(): void {
    if (this.total > 0) this.counts.fill(0);
    this.total = 0;
  }
}

export function percentileOf(counts: ArrayLike<number>, total: number, p: number): number {
  if (total === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i];
    if (seen >= rank) return binValue(i);
  }
  return binValue(counts.length - 1);
}
