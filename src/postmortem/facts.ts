// What a postmortem says, computed from a recorded run (and, when there is one, the run with the
// fix): who was affected, for how long and how badly, what happened in what order, where load
// was amplified, and what the fix changed. Every number comes from the run.
import { compareRuns, type ClientComparison } from '../playback/compare';
import type { ClientSummary, RecordedRun } from '../sim/types';

export interface ClientImpact {
  id: string;
  label: string;
  requests: number;
  failed: number;
  successRatio: number;
  p99Ms: number;
  /** When the client first fell outside its SLO, and when it was last back (null: not by the end). */
  from: number;
  to: number | null;
}

export interface EdgeAmplification {
  id: string;
  from: string;
  to: string;
  calls: number;
  attempts: number;
  /** Attempts beyond the first of each call. */
  retries: number;
  meanAttempts: number;
  timeouts: number;
  failures: number;
  breakerOpened: number;
  /** Calls per second before the first fault, and at the busiest second of the run. */
  baselineRate: number;
  peakRate: number;
}

export interface NodeLoad {
  id: string;
  label: string;
  baselineRate: number;
  peakRate: number;
  maxQueueDepth: number;
  peakUtilisation: number;
  failures: number;
  /** When it first went unhealthy, and the health it reached. */
  unhealthyAt: number;
  worst: string;
}

export interface FixEffect {
  name: string;
  seed: number;
  clients: ClientComparison[];
  sentences: string[];
}

export interface PostmortemFacts {
  title: string;
  diagramName: string;
  scenarioName: string;
  seed: number;
  durationMs: number;
  faults: { text: string; from: number; to: number }[];
  requests: number;
  failed: number;
  affected: ClientImpact[];
  /** Clients that kept within their SLO throughout. */
  unaffected: string[];
  /** From the first client outside its SLO to the last one back; `to` null when one never came back. */
  window: { from: number; to: number | null } | null;
  worst: { label: string; successRatio: number } | null;
  timeline: { t: number; text: string }[];
  edges: EdgeAmplification[];
  nodes: NodeLoad[];
  /** The moment the diagram figure shows: the worst second while faults acted. */
  peakMs: number;
  fix: FixEffect | null;
}

const failedOf = (c: ClientSummary) => c.failures;

/** Per-second rate of a flat series row over [fromMs, toMs), by bucket. */
function rates(run: RecordedRun, series: Float32Array, rows: readonly number[]): Float64Array {
  const perSecond = 1000 / run.bucketMs;
  const out = new Float64Array(run.buckets);
  for (const r of rows) for (let b = 0; b < run.buckets; b++) out[b] += series[r * run.buckets + b] * perSecond;
  return out;
}

/** Mean of a bucket series between two times, and its peak over one-second windows. */
function baselineAndPeak(run: RecordedRun, perBucket: Float64Array, baselineTo: number): { baseline: number; peak: number } {
  const from = Math.floor(run.warmupMs / run.bucketMs);
  const to = Math.max(from + 1, Math.floor(baselineTo / run.bucketMs));
  let sum = 0;
  let n = 0;
  for (let b = from; b < to && b < run.buckets; b++) {
    sum += perBucket[b];
    n++;
  }
  const w = Math.max(1, Math.round(1000 / run.bucketMs));
  let peak = 0;
  let window = 0;
  for (let b = 0; b < run.buckets; b++) {
    window += perBucket[b] - (b >= w ? perBucket[b - w] : 0);
    if (b >= w - 1) peak = Math.max(peak, window / w);
  }
  return { baseline: n > 0 ? sum / n : 0, peak };
}

/** When the incident starts: the first fault, or the end of the warm-up without one. */
function incidentStart(run: RecordedRun): number {
  return run.faults?.length ? Math.min(...run.faults.map((f) => f.startMs)) : run.warmupMs;
}

function clientImpact(run: RecordedRun, c: ClientSummary): ClientImpact | null {
  // A breach while the system warms up, before anything broke, is not the incident's.
  const start = incidentStart(run);
  const events = run.events.filter((e) => e.client === c.id && e.t >= start && (e.type === 'slo-breach' || e.type === 'slo-recovered'));
  const breach = events.find((e) => e.type === 'slo-breach');
  // Affected means outside its SLO; a few failures within it are the system's normal.
  if (!breach) return null;
  const last = events[events.length - 1];
  return {
    id: c.id,
    label: c.label,
    requests: c.requests,
    failed: failedOf(c),
    successRatio: c.successRatio,
    p99Ms: c.latency.p99,
    from: breach.t,
    to: !last || last.type === 'slo-recovered' ? (last?.t ?? run.durationMs) : null,
  };
}

/** The bucket while faults acted with the most client failures (the first fault's start without). */
function peakMoment(run: RecordedRun): number {
  const faults = run.faults ?? [];
  const from = faults.length ? Math.min(...faults.map((f) => f.startMs)) : 0;
  const to = faults.length ? Math.max(...faults.map((f) => f.endMs)) : run.durationMs;
  const failures = rates(
    run,
    run.series.client.failures,
    run.clients.map((_, i) => i),
  );
  let best = -1;
  let at = from;
  for (let b = Math.floor(from / run.bucketMs); b < run.buckets && b * run.bucketMs < to; b++) {
    if (failures[b] > best) {
      best = failures[b];
      at = (b + 1) * run.bucketMs;
    }
  }
  return Math.min(at, run.durationMs);
}

function edgeFacts(run: RecordedRun, baselineTo: number): EdgeAmplification[] {
  const name = (id: string) => run.nodes.find((n) => n.id === id)?.label ?? id;
  return run.summary.edges.flatMap((e) => {
    const rows = run.edges.flatMap((x, i) => (x.id === e.id ? [i] : []));
    const { baseline, peak } = baselineAndPeak(run, rates(run, run.series.edge.attempts, rows), baselineTo);
    const retries = e.attempts - e.calls;
    const amplified = retries > 0 || e.timeouts > 0 || e.breakerOpened > 0 || (baseline > 0 && peak > 1.2 * baseline);
    if (!amplified) return [];
    return [
      {
        id: e.id,
        from: name(e.source),
        to: name(e.target),
        calls: e.calls,
        attempts: e.attempts,
        retries,
        meanAttempts: e.meanAttempts,
        timeouts: e.timeouts,
        failures: e.failures,
        breakerOpened: e.breakerOpened,
        baselineRate: baseline,
        peakRate: peak,
      },
    ];
  });
}

function nodeFacts(run: RecordedRun, baselineTo: number): NodeLoad[] {
  return run.summary.nodes.flatMap((n) => {
    const unhealthy = run.events.find((e) => e.type === 'unhealthy' && e.node === n.id);
    if (!unhealthy) return [];
    const row = run.nodes.findIndex((x) => x.id === n.id);
    const { baseline, peak } = baselineAndPeak(run, rates(run, run.series.node.arrivals, [row]), baselineTo);
    let peakUtilisation = 0;
    for (let b = 0; b < run.buckets; b++) peakUtilisation = Math.max(peakUtilisation, run.series.node.utilisation[row * run.buckets + b]);
    return [
      {
        id: n.id,
        label: n.label,
        baselineRate: baseline,
        peakRate: peak,
        maxQueueDepth: n.maxQueueDepth,
        peakUtilisation,
        failures: Object.values(n.failures).reduce((a, b) => a + b, 0),
        unhealthyAt: unhealthy.t,
        worst: unhealthy.detail ?? 'unhealthy',
      },
    ];
  });
}

/** `runName` is what the person called the run, when they named it. */
export function postmortemFacts(run: RecordedRun, fix: RecordedRun | null = null, runName: string | null = null): PostmortemFacts {
  const faults = (run.faults ?? []).map((f) => ({ text: f.text, from: f.startMs, to: Math.min(f.endMs, run.durationMs) }));
  const firstFault = faults.length ? incidentStart(run) : run.durationMs;
  const affected = run.summary.clients.flatMap((c) => clientImpact(run, c) ?? []);
  const worst = [...run.summary.clients].sort((a, b) => a.successRatio - b.successRatio)[0];
  const stillOut = affected.some((c) => c.to === null);
  const comparison = fix ? compareRuns(run, fix, ['the incident', 'the fix']) : null;
  return {
    title: `${run.diagramName}: ${runName || run.scenarioName}`,
    diagramName: run.diagramName,
    scenarioName: run.scenarioName,
    seed: run.seed,
    durationMs: run.durationMs,
    faults,
    requests: run.summary.clients.reduce((s, c) => s + c.requests, 0),
    failed: run.summary.clients.reduce((s, c) => s + failedOf(c), 0),
    affected,
    unaffected: run.summary.clients.filter((c) => !affected.some((a) => a.id === c.id)).map((c) => c.label),
    window: affected.length ? { from: Math.min(...affected.map((c) => c.from)), to: stillOut ? null : Math.max(...affected.map((c) => c.to ?? 0)) } : null,
    worst: worst ? { label: worst.label, successRatio: worst.successRatio } : null,
    timeline: run.timeline.map((e) => ({ t: e.t, text: e.text })),
    edges: edgeFacts(run, firstFault),
    nodes: nodeFacts(run, firstFault),
    peakMs: peakMoment(run),
    fix: fix && comparison ? { name: fix.scenarioName, seed: fix.seed, clients: comparison.clients, sentences: comparison.sentences } : null,
  };
}
