// The incident timeline: the run told as an ordered story. The first fault, what it amplified
// (retries and thundering herds show up as load far above the pre-fault baseline), which parts
// saturated, broke or timed out and in what order, what the clients saw, and what recovered.
import type { IncidentEntry, RecordedRun, RunEvent } from './types';

const AMPLIFIED = 1.5;
const MAX_ENTRIES = 80;

export function formatTime(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function nameOf(run: Pick<RecordedRun, 'nodes'>, id: string | undefined): string {
  return run.nodes.find((n) => n.id === id)?.label ?? id ?? '';
}

function clientName(run: Pick<RecordedRun, 'clients'>, id: string | undefined): string {
  return run.clients.find((c) => c.id === id)?.label ?? id ?? '';
}

function fromEvent(run: Pick<RecordedRun, 'nodes' | 'clients'>, e: RunEvent): IncidentEntry | null {
  const node = e.node;
  switch (e.type) {
    case 'fault-start':
      return { t: e.t, kind: 'fault', text: `${e.detail} (injected)`, node: e.node, edge: e.edge };
    case 'fault-end':
      return { t: e.t, kind: 'fault', text: `fault ends: ${e.detail}`, node: e.node, edge: e.edge };
    case 'saturated':
      return { t: e.t, kind: 'saturated', text: `${nameOf(run, node)}: ${e.detail}`, node };
    case 'breaker-open':
      return { t: e.t, kind: 'breaker', text: `${e.detail} breaker OPEN`, edge: e.edge };
    case 'breaker-half-open':
      return { t: e.t, kind: 'breaker', text: `${e.detail} breaker HALF-OPEN (probing)`, edge: e.edge };
    case 'breaker-closed':
      return { t: e.t, kind: 'breaker', text: `${e.detail} breaker closed`, edge: e.edge };
    case 'timeouts':
      return { t: e.t, kind: 'timeouts', text: `${e.detail}: calls time out`, edge: e.edge };
    case 'unhealthy':
      return { t: e.t, kind: 'unhealthy', text: `${nameOf(run, node)} ${e.detail === 'down' ? 'is down' : `failing: ${e.detail}`}`, node };
    case 'recovered':
      return { t: e.t, kind: 'recovered', text: `${nameOf(run, node)} recovered`, node };
    case 'slo-breach':
      return { t: e.t, kind: 'slo', text: `${clientName(run, e.client)} ${e.detail}`, client: e.client };
    case 'slo-recovered':
      return { t: e.t, kind: 'recovered', text: `${clientName(run, e.client)} back within SLO`, client: e.client };
    case 'queue-full':
      return { t: e.t, kind: 'queue', text: `${nameOf(run, node)} queue full: requests refused`, node };
    case 'dead-letter':
      return { t: e.t, kind: 'queue', text: `${nameOf(run, node)}: messages dead-lettered`, node, edge: e.edge };
    default:
      return null;
  }
}

/**
 * Nodes whose arrival rate after the first fault rose well above their pre-fault baseline,
 * compared over one-second windows (single buckets are too noisy to call a 1.5x peak).
 */
function amplification(run: Omit<RecordedRun, 'timeline'>, faultAt: number): IncidentEntry[] {
  const B = run.buckets;
  const w = Math.max(1, Math.round(1000 / run.bucketMs));
  const first = Math.floor(faultAt / run.bucketMs);
  const from = Math.floor(run.warmupMs / run.bucketMs);
  if (first - from < w) return [];
  const entries: IncidentEntry[] = [];
  run.nodes.forEach((n, i) => {
    const arrivals = run.series.node.arrivals;
    let base = 0;
    for (let b = from; b < first; b++) base += arrivals[i * B + b];
    base = (base / (first - from)) * w;
    if (base < 5) return;
    let peak = 0;
    let peakAt = first;
    let window = 0;
    for (let b = first; b < B; b++) {
      window += arrivals[i * B + b] - (b - w >= first ? arrivals[i * B + b - w] : 0);
      if (b - first + 1 >= w && window > peak) {
        peak = window;
        peakAt = b - w + 1;
      }
    }
    const ratio = peak / base;
    if (ratio >= AMPLIFIED) {
      entries.push({ t: peakAt * run.bucketMs, kind: 'amplified', text: `load on ${n.label} peaks at ${ratio.toFixed(1)}× its baseline`, node: n.id });
    }
  });
  return entries;
}

export function buildTimeline(run: Omit<RecordedRun, 'timeline'>): IncidentEntry[] {
  const entries = run.events.map((e) => fromEvent(run, e)).filter((e): e is IncidentEntry => e !== null);
  const firstFault = run.events.find((e) => e.type === 'fault-start');
  if (firstFault) entries.push(...amplification(run, firstFault.t));
  const order: Record<IncidentEntry['kind'], number> = {
    fault: 0,
    amplified: 1,
    saturated: 2,
    queue: 3,
    timeouts: 4,
    breaker: 5,
    unhealthy: 6,
    slo: 7,
    recovered: 8,
  };
  const sorted = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.t - b.e.t || order[a.e.kind] - order[b.e.kind] || a.i - b.i)
    .map((x) => x.e);
  // Before the first fault, only warm-up noise: keep the story about the incident.
  const start = firstFault ? firstFault.t : run.warmupMs;
  return sorted.filter((e) => e.t >= start).slice(0, MAX_ENTRIES);
}
