// Whether a run shows what a drill says it shows: each stated outcome measured over its window
// of the run, with the number and the words a person reads ("Users success 20–30 s: 41.2%,
// expected below 60%").
import type { RecordedRun } from '../sim/types';
import { BREAKER_OPEN } from '../sim/types';
import type { Expectation, Measure } from './types';

export interface OutcomeCheck {
  expectation: Expectation;
  value: number;
  met: boolean;
  text: string;
}

const RATIOS = new Set<Measure>(['success', 'failures', 'utilisation', 'breaker']);

function window(run: RecordedRun, e: Expectation): number[] {
  const first = Math.max(0, Math.floor(e.fromMs / run.bucketMs));
  const last = Math.min(run.buckets, Math.ceil(e.toMs / run.bucketMs));
  return Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
}

function row(ids: readonly { id: string }[], id: string, what: string): number {
  const r = ids.findIndex((x) => x.id === id);
  if (r < 0) throw new Error(`The run has no ${what} "${id}"`);
  return r;
}

export function measure(run: RecordedRun, e: Expectation): number {
  const B = run.buckets;
  const buckets = window(run, e);
  const sum = (series: Float32Array, r: number) => buckets.reduce((s, b) => s + series[r * B + b], 0);
  const max = (series: Float32Array, r: number) => buckets.reduce((m, b) => Math.max(m, series[r * B + b]), 0);
  const seconds = (buckets.length * run.bucketMs) / 1000;
  switch (e.what) {
    case 'success':
    case 'p99': {
      const r = row(run.clients, e.of, 'client');
      const s = run.series.client;
      if (e.what === 'p99') return max(s.p99, r);
      const done = sum(s.successes, r) + sum(s.degraded, r) + sum(s.failures, r);
      return done > 0 ? 1 - sum(s.failures, r) / done : NaN;
    }
    case 'failures': {
      const r = row(run.nodes, e.of, 'node');
      const done = sum(run.series.node.successes, r) + sum(run.series.node.failures, r);
      return done > 0 ? sum(run.series.node.failures, r) / done : 0;
    }
    case 'queue':
      return max(run.series.node.queueDepth, row(run.nodes, e.of, 'node'));
    case 'lag':
      return max(run.series.node.oldestAgeMs, row(run.nodes, e.of, 'node'));
    case 'load':
      return sum(run.series.node.arrivals, row(run.nodes, e.of, 'node')) / seconds;
    case 'utilisation':
      return sum(run.series.node.utilisation, row(run.nodes, e.of, 'node')) / buckets.length;
    case 'attempts':
    case 'breaker': {
      const [source, target] = e.of.split('->').map((s) => s.trim());
      const rows = run.edges.flatMap((x, i) => (x.source === source && x.target === target ? [i] : []));
      if (rows.length === 0) throw new Error(`The run has no connection ${e.of}`);
      if (e.what === 'attempts') {
        const calls = rows.reduce((s, r) => s + sum(run.series.edge.calls, r), 0);
        return calls > 0 ? rows.reduce((s, r) => s + sum(run.series.edge.attempts, r), 0) / calls : 0;
      }
      const open = buckets.filter((b) => rows.some((r) => run.series.edge.breaker[r * B + b] === BREAKER_OPEN)).length;
      return buckets.length > 0 ? open / buckets.length : 0;
    }
  }
}

export function formatMeasure(what: Measure, v: number): string {
  if (Number.isNaN(v)) return 'no data';
  if (RATIOS.has(what)) return `${(v * 100).toFixed(1)}%`;
  if (what === 'p99' || what === 'lag') return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`;
  if (what === 'load') return `${Math.round(v)} req/s`;
  if (what === 'attempts') return `${v.toFixed(2)} attempts per call`;
  return String(Math.round(v));
}

const NAMES: Record<Measure, string> = {
  success: 'success',
  p99: 'p99 latency',
  failures: 'failing share',
  queue: 'queue depth',
  lag: 'consumer lag',
  load: 'load',
  utilisation: 'utilisation',
  attempts: 'attempts',
  breaker: 'time with the breaker open',
};

export function checkOutcome(run: RecordedRun, e: Expectation, label = e.of): OutcomeCheck {
  const value = measure(run, e);
  const met = Number.isFinite(value) && (e.above === undefined || value > e.above) && (e.below === undefined || value < e.below);
  const bounds = [
    e.above !== undefined ? `above ${formatMeasure(e.what, e.above)}` : '',
    e.below !== undefined ? `below ${formatMeasure(e.what, e.below)}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const text = `${label} ${NAMES[e.what]}, ${e.fromMs / 1000}–${e.toMs / 1000} s: ${formatMeasure(e.what, value)} (expected ${bounds})`;
  return { expectation: e, value, met, text };
}

export function checkOutcomes(run: RecordedRun, expectations: readonly Expectation[], labelOf: (id: string) => string = (id) => id): OutcomeCheck[] {
  return expectations.map((e) => checkOutcome(run, e, labelOf(e.of)));
}
