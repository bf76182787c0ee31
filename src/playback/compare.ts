// Two runs side by side: each client's success and latency over time on one axis, and the
// difference said in words ("with a breaker, Shoppers keep 97.9% success where they fell to
// 61.2%").
import type { ClientSummary, RecordedRun } from '../sim/types';

export interface ClientComparison {
  label: string;
  a: ClientSummary;
  b: ClientSummary;
  /** b minus a, in percentage points. */
  successPoints: number;
  /** b minus a, in milliseconds. */
  p99Ms: number;
}

export interface RunComparison {
  clients: ClientComparison[];
  /** Seconds, on a one-second grid covering the longer run. */
  x: Float64Array;
  /** Per client: success % and p99 ms for each run, NaN where a run has no data. */
  series: { label: string; successA: Float64Array; successB: Float64Array; p99A: Float64Array; p99B: Float64Array }[];
  sentences: string[];
}

const STEP_MS = 1000;

/** Client `c` of a run resampled on a one-second grid: success % (by requests finished) and p99. */
function resample(run: RecordedRun, c: number, seconds: number) {
  const B = run.buckets;
  const s = run.series.client;
  const done = new Float64Array(seconds);
  const failed = new Float64Array(seconds);
  const p99 = new Float64Array(seconds).fill(NaN);
  for (let b = 0; b < B; b++) {
    const sec = Math.floor((b * run.bucketMs) / STEP_MS);
    if (sec >= seconds) break;
    const at = c * B + b;
    const d = s.successes[at] + s.degraded[at] + s.failures[at];
    done[sec] += d;
    failed[sec] += s.failures[at];
    if (d > 0) p99[sec] = Math.max(Number.isNaN(p99[sec]) ? 0 : p99[sec], s.p99[at]);
  }
  const success = done.map((d, i) => (d > 0 ? (100 * (d - failed[i])) / d : NaN));
  return { success, p99 };
}

function pct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

function ms(v: number): string {
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`;
}

function sentence(c: ClientComparison, nameA: string, nameB: string): string {
  const points = c.successPoints;
  const success =
    Math.abs(points) < 0.05
      ? `${c.label}: the same success (${pct(c.a.successRatio)})`
      : `${c.label}: success ${pct(c.a.successRatio)} in ${nameA}, ${pct(c.b.successRatio)} in ${nameB} (${points > 0 ? '+' : ''}${points.toFixed(1)} points)`;
  return `${success}; p99 ${ms(c.a.latency.p99)} → ${ms(c.b.latency.p99)}`;
}

export function compareRuns(a: RecordedRun, b: RecordedRun, names: [string, string] = ['run A', 'run B']): RunComparison {
  const seconds = Math.ceil(Math.max(a.durationMs, b.durationMs) / STEP_MS);
  const x = Float64Array.from({ length: seconds }, (_, i) => i + 0.5);
  const clients: ClientComparison[] = [];
  const series: RunComparison['series'] = [];
  a.summary.clients.forEach((ca, i) => {
    // The same diagram keeps client ids; another diagram is matched by label.
    const j = b.summary.clients.findIndex((cb) => cb.id === ca.id);
    const k = j >= 0 ? j : b.summary.clients.findIndex((cb) => cb.label === ca.label);
    if (k < 0) return;
    const cb = b.summary.clients[k];
    clients.push({ label: ca.label, a: ca, b: cb, successPoints: (cb.successRatio - ca.successRatio) * 100, p99Ms: cb.latency.p99 - ca.latency.p99 });
    const ra = resample(a, i, seconds);
    const rb = resample(b, k, seconds);
    series.push({ label: ca.label, successA: ra.success, successB: rb.success, p99A: ra.p99, p99B: rb.p99 });
  });
  return { clients, x, series, sentences: clients.map((c) => sentence(c, names[0], names[1])) };
}
