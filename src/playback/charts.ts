// The series behind the charts of one node, edge or client: per second rates, latency
// percentiles, queue depth and utilisation, breaker state, on the run's time axis (seconds).
import type { Band, Replicated } from '../sim/replicate';
import type { RecordedRun } from '../sim/types';
import { CAUSES } from '../sim/types';

export interface ChartLine {
  label: string;
  values: Float64Array;
  /** Drawn dashed: a band's edge, or the second run of a comparison. */
  dash?: boolean;
}

export interface ChartPanel {
  title: string;
  unit: string;
  lines: ChartLine[];
}

export interface ChartSet {
  title: string;
  /** Bucket midpoints in seconds. */
  x: Float64Array;
  panels: ChartPanel[];
}

export type ChartSubject = { type: 'node'; id: string } | { type: 'edge'; id: string };

function axis(run: RecordedRun): Float64Array {
  return Float64Array.from({ length: run.buckets }, (_, b) => ((b + 0.5) * run.bucketMs) / 1000);
}

/** One row of a flat series, summed over several rows, times a factor. */
function row(series: Float32Array, buckets: number, rows: readonly number[], factor = 1): Float64Array {
  const out = new Float64Array(buckets);
  for (const r of rows) for (let b = 0; b < buckets; b++) out[b] += series[r * buckets + b] * factor;
  return out;
}

function nodeCharts(run: RecordedRun, r: number): ChartPanel[] {
  const B = run.buckets;
  const perSecond = 1000 / run.bucketMs;
  const s = run.series.node;
  const causes = CAUSES.map((c) => ({ label: c, values: row(run.series.nodeFailures[c], B, [r], perSecond) })).filter((l) => l.values.some((v) => v > 0));
  return [
    {
      title: 'Throughput',
      unit: 'req/s',
      lines: [
        { label: 'arrivals', values: row(s.arrivals, B, [r], perSecond) },
        { label: 'successes', values: row(s.successes, B, [r], perSecond) },
        { label: 'failures', values: row(s.failures, B, [r], perSecond) },
      ],
    },
    { title: 'Failures by cause', unit: 'req/s', lines: causes },
    {
      title: 'Latency',
      unit: 'ms',
      lines: [
        { label: 'p50', values: row(s.p50, B, [r]) },
        { label: 'p99', values: row(s.p99, B, [r]) },
      ],
    },
    {
      title: 'Queue and utilisation',
      unit: 'count / %',
      lines: [
        { label: 'queue depth', values: row(s.queueDepth, B, [r]) },
        { label: 'in flight', values: row(s.inFlight, B, [r]) },
        { label: 'utilisation %', values: row(s.utilisation, B, [r], 100) },
      ],
    },
  ];
}

function clientCharts(run: RecordedRun, r: number): ChartPanel[] {
  const B = run.buckets;
  const perSecond = 1000 / run.bucketMs;
  const s = run.series.client;
  const success = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    const done = s.successes[r * B + b] + s.degraded[r * B + b] + s.failures[r * B + b];
    success[b] = done > 0 ? (100 * (done - s.failures[r * B + b])) / done : NaN;
  }
  return [
    {
      title: 'Requests',
      unit: 'req/s',
      lines: [
        { label: 'sent', values: row(s.requests, B, [r], perSecond) },
        { label: 'succeeded', values: row(s.successes, B, [r], perSecond) },
        { label: 'degraded', values: row(s.degraded, B, [r], perSecond) },
        { label: 'failed', values: row(s.failures, B, [r], perSecond) },
      ],
    },
    { title: 'Success', unit: '%', lines: [{ label: 'success %', values: success }] },
    {
      title: 'Latency',
      unit: 'ms',
      lines: [
        { label: 'p50', values: row(s.p50, B, [r]) },
        { label: 'p99', values: row(s.p99, B, [r]) },
      ],
    },
  ];
}

function edgeCharts(run: RecordedRun, rows: number[]): ChartPanel[] {
  const B = run.buckets;
  const perSecond = 1000 / run.bucketMs;
  const s = run.series.edge;
  const breaker = new Float64Array(B);
  for (const r of rows) for (let b = 0; b < B; b++) breaker[b] = Math.max(breaker[b], s.breaker[r * B + b]);
  return [
    {
      title: 'Calls',
      unit: 'calls/s',
      lines: [
        { label: 'calls', values: row(s.calls, B, rows, perSecond) },
        { label: 'attempts', values: row(s.attempts, B, rows, perSecond) },
        { label: 'failures', values: row(s.failures, B, rows, perSecond) },
        { label: 'timeouts', values: row(s.timeouts, B, rows, perSecond) },
      ],
    },
    { title: 'In flight', unit: 'calls', lines: [{ label: 'in flight', values: row(s.inFlight, B, rows) }] },
    { title: 'Breaker (0 closed, 1 open, 2 half-open)', unit: 'state', lines: [{ label: 'breaker', values: breaker }] },
  ];
}

/** The charts for a part of the run, or null when the run has nothing on it. */
export function chartsFor(run: RecordedRun, subject: ChartSubject): ChartSet | null {
  const x = axis(run);
  if (subject.type === 'edge') {
    const rows = run.edges.flatMap((e, i) => ((e.modelId ?? e.id) === subject.id ? [i] : []));
    if (rows.length === 0) return null;
    const first = run.edges[rows[0]];
    const name = (id: string) => run.nodes.find((n) => n.id === id)?.label ?? id;
    return { title: `${name(first.source)} → ${name(first.target)}`, x, panels: edgeCharts(run, rows) };
  }
  const client = run.clients.findIndex((c) => c.id === subject.id);
  if (client >= 0) return { title: run.clients[client].label, x, panels: clientCharts(run, client) };
  const node = run.nodes.findIndex((n) => n.id === subject.id);
  if (node < 0) return null;
  return { title: run.nodes[node].label, x, panels: nodeCharts(run, node) };
}

/**
 * A client's success and p99 charts with the 95% band of a replication of the same scenario over
 * them, so one run can be read against the spread of many. The band must cover the same buckets.
 */
export function withBands(set: ChartSet, clientId: string, replicated: Replicated): ChartSet {
  const c = replicated.clients.find((x) => x.id === clientId);
  if (!c || replicated.buckets !== set.x.length) return set;
  const n = replicated.seeds.length;
  const lines = (band: Band, scale: number): ChartLine[] => [
    { label: `low of ${n} seeds`, values: Float64Array.from(band.lo, (v) => v * scale), dash: true },
    { label: `high of ${n} seeds`, values: Float64Array.from(band.hi, (v) => v * scale), dash: true },
  ];
  return {
    ...set,
    panels: set.panels.map((p) =>
      p.title === 'Success'
        ? { ...p, lines: [...p.lines, ...lines(c.successBand, 100)] }
        : p.title === 'Latency'
          ? { ...p, lines: [...p.lines, ...lines(c.p99Band, 1).map((l) => ({ ...l, label: `p99 ${l.label}` }))] }
          : p,
    ),
  };
}
