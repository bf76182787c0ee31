// One scenario over several seeds. Each run is boiled down to a digest (its summary and the
// clients' success and p99 per time bucket), which is all a replication needs and small enough
// to pass between workers; the digests become estimates (mean and 95% interval) of every summary
// figure and bands over time for the charts.
import { estimate, type Estimate } from './stats';
import type { RecordedRun, RunSummary } from './types';
import { CAUSES } from './types';

/** Seeds for n replications from a scenario's own: its seed first, so replica 1 is the run as set. */
export function replicationSeeds(base: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (base + i * 7919) % 4_294_967_296);
}

export interface RunDigest {
  seed: number;
  bucketMs: number;
  buckets: number;
  summary: RunSummary;
  /** Per client (in summary order), per bucket: the share of finished requests that succeeded (NaN: none finished). */
  success: Float32Array[];
  /** Per client, per bucket: p99 latency in ms (0: nothing finished). */
  p99: Float32Array[];
  /** For a drill's run: which of its stated outcomes held, in order. */
  held?: boolean[];
}

export function digestRun(run: RecordedRun): RunDigest {
  const B = run.buckets;
  const s = run.series.client;
  const success: Float32Array[] = [];
  const p99: Float32Array[] = [];
  run.clients.forEach((_, i) => {
    const ok = new Float32Array(B);
    const tail = new Float32Array(B);
    for (let b = 0; b < B; b++) {
      const at = i * B + b;
      const done = s.successes[at] + s.degraded[at] + s.failures[at];
      ok[b] = done > 0 ? (s.successes[at] + s.degraded[at]) / done : Number.NaN;
      tail[b] = s.p99[at];
    }
    success.push(ok);
    p99.push(tail);
  });
  return { seed: run.seed, bucketMs: run.bucketMs, buckets: B, summary: run.summary, success, p99 };
}

/** Mean and 95% interval at every bucket; buckets where a run had no value are left out of that bucket. */
export interface Band {
  mean: Float32Array;
  lo: Float32Array;
  hi: Float32Array;
}

function band(series: readonly Float32Array[], buckets: number): Band {
  const mean = new Float32Array(buckets);
  const lo = new Float32Array(buckets);
  const hi = new Float32Array(buckets);
  for (let b = 0; b < buckets; b++) {
    const values: number[] = [];
    for (const s of series) if (Number.isFinite(s[b])) values.push(s[b]);
    const e = estimate(values);
    mean[b] = e.mean;
    lo[b] = Number.isFinite(e.half) ? e.mean - e.half : e.mean;
    hi[b] = Number.isFinite(e.half) ? e.mean + e.half : e.mean;
  }
  return { mean, lo, hi };
}

export interface ClientEstimates {
  id: string;
  label: string;
  successRatio: Estimate;
  /** Latency of successful requests, as in a single run's summary. */
  meanMs: Estimate;
  p50Ms: Estimate;
  p99Ms: Estimate;
  requests: Estimate;
  failures: Estimate;
  /** Bands over time: success share and p99. */
  successBand: Band;
  p99Band: Band;
}

export interface NodeEstimates {
  id: string;
  label: string;
  utilisation: Estimate;
  meanResponseMs: Estimate;
  meanQueueWaitMs: Estimate;
  failed: Estimate;
}

export interface EdgeEstimates {
  id: string;
  meanAttempts: Estimate;
  timeouts: Estimate;
  breakerOpened: Estimate;
}

export interface Replicated {
  seeds: number[];
  bucketMs: number;
  buckets: number;
  clients: ClientEstimates[];
  nodes: NodeEstimates[];
  edges: EdgeEstimates[];
}

/** Every figure of the digests' summaries as an estimate; the digests must come from one diagram and scenario. */
export function aggregate(digests: readonly RunDigest[]): Replicated {
  if (digests.length === 0) throw new Error('There are no runs to put together.');
  const first = digests[0];
  // One figure of the i-th client, node or edge, over every digest.
  const across =
    <T>(pick: (d: RunDigest) => readonly T[]) =>
    (i: number, value: (x: T) => number) =>
      estimate(digests.map((d) => value(pick(d)[i])));
  const client = across((d) => d.summary.clients);
  const node = across((d) => d.summary.nodes);
  const edge = across((d) => d.summary.edges);
  return {
    seeds: digests.map((d) => d.seed),
    bucketMs: first.bucketMs,
    buckets: first.buckets,
    clients: first.summary.clients.map((c, i) => ({
      id: c.id,
      label: c.label,
      successRatio: client(i, (x) => x.successRatio),
      meanMs: client(i, (x) => x.latency.mean),
      p50Ms: client(i, (x) => x.latency.p50),
      p99Ms: client(i, (x) => x.latency.p99),
      requests: client(i, (x) => x.requests),
      failures: client(i, (x) => x.failures),
      successBand: band(
        digests.map((d) => d.success[i]),
        first.buckets,
      ),
      p99Band: band(
        digests.map((d) => d.p99[i]),
        first.buckets,
      ),
    })),
    nodes: first.summary.nodes.map((n, i) => ({
      id: n.id,
      label: n.label,
      utilisation: node(i, (x) => x.utilisation),
      meanResponseMs: node(i, (x) => x.meanResponseMs),
      meanQueueWaitMs: node(i, (x) => x.meanQueueWaitMs),
      failed: node(i, (x) => CAUSES.reduce((s, c) => s + x.failures[c], 0)),
    })),
    edges: first.summary.edges.map((e, i) => ({
      id: e.id,
      meanAttempts: edge(i, (x) => x.meanAttempts),
      timeouts: edge(i, (x) => x.timeouts),
      breakerOpened: edge(i, (x) => x.breakerOpened),
    })),
  };
}

/** "99.2% ± 0.3" style text of an estimate, each number written by `format`. */
export function formatEstimate(e: Estimate, format: (v: number) => string): string {
  if (!Number.isFinite(e.mean)) return '–';
  return Number.isFinite(e.half) ? `${format(e.mean)} ± ${format(e.half)}` : format(e.mean);
}
