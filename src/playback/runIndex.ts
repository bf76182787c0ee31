// A recorded run, indexed once for replay: rows by id, running sums so a window of buckets is
// two reads, the sampled hops flattened and sorted, and the moments worth jumping to. Playback
// reads a run many times a second; everything it needs per frame is O(1) per part from here.
import type { Cause, RecordedRun } from '../sim/types';
import { CAUSES } from '../sim/types';

/** How each sampled hop ended: 0 is success, then the failure causes in order. */
export const HOP_OUTCOMES: readonly ('ok' | Cause)[] = ['ok', ...CAUSES];

/** Sampled hops as parallel arrays, sorted by the time they were sent. */
export interface HopTable {
  count: number;
  edge: string[];
  sent: Float64Array;
  settled: Float64Array;
  outcome: Uint8Array;
}

export interface RunIndex {
  run: RecordedRun;
  /** Buckets per judging window: about one second, so single noisy buckets do not flicker. */
  window: number;
  nodeRow: ReadonlyMap<string, number>;
  clientRow: ReadonlyMap<string, number>;
  /** Diagram edge id -> the run's edge rows (an edge into a group runs as several). */
  edgeRows: ReadonlyMap<string, readonly number[]>;
  /** Running sums, (B + 1) per row: sum of buckets [a, b) is s[row*(B+1)+b] - s[row*(B+1)+a]. */
  sums: {
    nodeDone: Float64Array;
    nodeFailures: Float64Array;
    clientDone: Float64Array;
    clientFailures: Float64Array;
    edgeCalls: Float64Array;
    edgeFailures: Float64Array;
  };
  /** The busiest windowed call rate of any diagram edge, for scaling edge widths. */
  maxEdgeRate: number;
  hops: HopTable;
  /** Sorted, distinct times of the incident story and of fault boundaries. */
  moments: readonly number[];
}

function runningSums(rows: number, buckets: number, value: (row: number, b: number) => number): Float64Array {
  const out = new Float64Array(rows * (buckets + 1));
  for (let r = 0; r < rows; r++) {
    const base = r * (buckets + 1);
    for (let b = 0; b < buckets; b++) out[base + b + 1] = out[base + b] + value(r, b);
  }
  return out;
}

/** Sum of buckets (b - w, b] of one row, clipped at the start of the run. */
export function windowSum(sums: Float64Array, buckets: number, row: number, b: number, w: number): number {
  const base = row * (buckets + 1);
  return sums[base + b + 1] - sums[base + Math.max(0, b + 1 - w)];
}

function hopTable(run: RecordedRun): HopTable {
  const rows: { edge: string; sent: number; settled: number; outcome: number }[] = [];
  const code = new Map(HOP_OUTCOMES.map((o, i) => [o, i]));
  for (const s of run.samples) {
    for (const h of s.hops) rows.push({ edge: h.edge, sent: h.sentAt, settled: h.settledAt, outcome: code.get(h.outcome) ?? 0 });
  }
  rows.sort((a, b) => a.sent - b.sent);
  return {
    count: rows.length,
    edge: rows.map((r) => r.edge),
    sent: Float64Array.from(rows, (r) => r.sent),
    settled: Float64Array.from(rows, (r) => r.settled),
    outcome: Uint8Array.from(rows, (r) => r.outcome),
  };
}

function moments(run: RecordedRun): number[] {
  const times = new Set<number>(run.timeline.map((e) => e.t));
  for (const f of run.faults ?? []) {
    times.add(f.startMs);
    times.add(f.endMs);
  }
  return [...times].filter((t) => t >= 0 && t <= run.durationMs).sort((a, b) => a - b);
}

export function buildRunIndex(run: RecordedRun): RunIndex {
  const B = run.buckets;
  const window = Math.max(1, Math.round(1000 / run.bucketMs));
  const { node, edge, client } = run.series;
  const edgeRows = new Map<string, number[]>();
  run.edges.forEach((e, i) => {
    const id = e.modelId ?? e.id;
    edgeRows.set(id, [...(edgeRows.get(id) ?? []), i]);
  });
  const sums = {
    nodeDone: runningSums(run.nodes.length, B, (r, b) => node.successes[r * B + b] + node.failures[r * B + b]),
    nodeFailures: runningSums(run.nodes.length, B, (r, b) => node.failures[r * B + b]),
    clientDone: runningSums(run.clients.length, B, (r, b) => client.successes[r * B + b] + client.degraded[r * B + b] + client.failures[r * B + b]),
    clientFailures: runningSums(run.clients.length, B, (r, b) => client.failures[r * B + b]),
    edgeCalls: runningSums(run.edges.length, B, (r, b) => edge.calls[r * B + b]),
    edgeFailures: runningSums(run.edges.length, B, (r, b) => edge.failures[r * B + b]),
  };
  const seconds = (window * run.bucketMs) / 1000;
  let maxEdgeRate = 0;
  for (const rows of edgeRows.values()) {
    for (let b = 0; b < B; b++) {
      let calls = 0;
      for (const r of rows) calls += windowSum(sums.edgeCalls, B, r, b, window);
      maxEdgeRate = Math.max(maxEdgeRate, calls / seconds);
    }
  }
  return {
    run,
    window,
    nodeRow: new Map(run.nodes.map((n, i) => [n.id, i])),
    clientRow: new Map(run.clients.map((c, i) => [c.id, i])),
    edgeRows,
    sums,
    maxEdgeRate,
    hops: hopTable(run),
    moments: moments(run),
  };
}

/** The bucket that holds time t, clamped to the run. */
export function bucketAt(run: Pick<RecordedRun, 'bucketMs' | 'buckets'>, t: number): number {
  return Math.min(run.buckets - 1, Math.max(0, Math.floor(t / run.bucketMs)));
}
