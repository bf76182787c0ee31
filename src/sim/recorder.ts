// Per-bucket series and the state changes worth telling (unhealthy, recovered, SLO breach),
// written when each time bucket closes; and the whole-run summary at the end.
import { type Engine, quietBuckets } from './engine';
import { type Health, healthCode, isUnhealthy, judgeClient, judgeNode, MIN_LATENCY_SAMPLES } from './health';
import { isSaturated } from './nodes';
import { oldestAge } from './queues';
import type { Histogram } from './histogram';
import type { Cause, ClientMetric, EdgeMetric, LatencySummary, NodeMetric, RunSeries, RunSummary } from './types';
import { CAUSES, CLIENT_METRICS, EDGE_METRICS, NODE_METRICS } from './types';

function table<K extends string>(keys: readonly K[], size: number): Record<K, Float32Array> {
  return Object.fromEntries(keys.map((k) => [k, new Float32Array(size)])) as Record<K, Float32Array>;
}

export function createSeries(nodes: number, edges: number, clients: number, buckets: number): RunSeries {
  return {
    node: table<NodeMetric>(NODE_METRICS, nodes * buckets),
    nodeFailures: table(CAUSES, nodes * buckets),
    edge: table<EdgeMetric>(EDGE_METRICS, edges * buckets),
    client: table<ClientMetric>(CLIENT_METRICS, clients * buckets),
  };
}

export function closeBucket(sim: Engine, series: RunSeries, b: number, span: number): void {
  const B = sim.config.buckets;
  for (let i = 0; i < sim.nodes.length; i++) {
    const n = sim.nodes[i];
    sim.touch(n);
    const at = i * B + b;
    const s = series.node;
    s.arrivals[at] = n.arrivals;
    s.successes[at] = n.successes;
    s.failures[at] = n.failures;
    s.inFlight[at] = n.inSystem;
    s.queueDepth[at] = n.c.routing === 'queue' ? n.backlogDepth() : n.waiting.length;
    const utilisation = n.c.capacity > 0 && span > 0 ? (n.areaBusy - n.areaBusyAtBucket) / (n.c.capacity * span) : 0;
    s.utilisation[at] = utilisation;
    s.p50[at] = n.bucketLatency.percentile(50);
    s.p95[at] = n.bucketLatency.percentile(95);
    s.p99[at] = n.bucketLatency.percentile(99);
    s.wasted[at] = n.wasted;
    s.oldestAgeMs[at] = n.c.routing === 'queue' ? oldestAge(sim, n) : 0;
    for (let c = 0; c < CAUSES.length; c++) series.nodeFailures[CAUSES[c]][at] = n.causes[c];
    n.health.push(n.successes + n.failures, n.failures);
    if (n.overloadQuiet > 0 && n.overloadedInBucket === 0) n.overloadQuiet--;
    s.health[at] = healthCode(nodeVerdict(sim, i, utilisation));
    n.arrivals = n.successes = n.failures = n.wasted = n.overloadedInBucket = 0;
    n.causes.fill(0);
    n.bucketLatency.reset();
    n.areaBusyAtBucket = n.areaBusy;
  }
  for (let i = 0; i < sim.edges.length; i++) {
    const e = sim.edges[i];
    const at = i * B + b;
    const s = series.edge;
    s.calls[at] = e.calls;
    s.attempts[at] = e.attempts;
    s.failures[at] = e.failures;
    s.timeouts[at] = e.timeouts;
    s.inFlight[at] = e.inFlight;
    s.breaker[at] = e.breaker ? e.breaker.state : 0;
    if (e.timeoutQuiet > 0 && e.timeouts === 0) e.timeoutQuiet--;
    e.calls = e.attempts = e.failures = e.timeouts = 0;
  }
  for (let i = 0; i < sim.clients.length; i++) {
    const c = sim.clients[i];
    const at = i * B + b;
    const s = series.client;
    const done = c.successes + c.degraded + c.failures;
    s.requests[at] = c.requests;
    s.successes[at] = c.successes;
    s.degraded[at] = c.degraded;
    s.failures[at] = c.failures;
    s.p50[at] = c.bucketLatency.percentile(50);
    s.p99[at] = c.bucketLatency.percentile(99);
    s.meanMs[at] = done > 0 ? c.latencySum / done : 0;
    c.health.push(done, c.failures);
    s.health[at] = healthCode(clientVerdict(sim, i));
    c.requests = c.successes = c.degraded = c.failures = c.latencySum = 0;
    c.bucketLatency.reset();
    c.sampledInBucket = 0;
  }
}

/** Judges the node for the bucket just closed and logs a change of verdict. */
function nodeVerdict(sim: Engine, i: number, utilisation: number): Health {
  const n = sim.nodes[i];
  if (n.saturated) {
    if (isSaturated(n)) n.saturationQuiet = quietBuckets(sim);
    else if (--n.saturationQuiet <= 0) {
      n.saturated = false;
      sim.record('saturation-ended', { node: n.c.id });
    }
  }
  const before = n.verdict;
  const down = n.crashed || n.hung || (n.capacity === 0 && n.c.capacity > 0);
  const active = n.arrivals > 0 || n.inSystem > 0;
  const verdict = judgeNode({ done: n.health.total, failures: n.health.failed, active, utilisation, down }, before);
  n.verdict = verdict;
  if (verdict === 'down' && before !== 'down') {
    // Down is told whenever it starts, also on a node already failing (overloaded, say, before it crashed).
    sim.record('unhealthy', { node: n.c.id, value: n.health.ratio, detail: 'down' });
  } else if (isUnhealthy(verdict) && !isUnhealthy(before)) {
    let top = 0;
    for (let c = 1; c < CAUSES.length; c++) if (n.causes[c] > n.causes[top]) top = c;
    sim.record('unhealthy', { node: n.c.id, value: n.health.ratio, detail: `${Math.round(n.health.ratio * 100)}% of requests fail (${CAUSES[top]})` });
  } else if (!isUnhealthy(verdict) && isUnhealthy(before)) {
    sim.record('recovered', { node: n.c.id, value: n.health.ratio });
  }
  return verdict;
}

/** Judges the client for the bucket just closed and logs an SLO breach or its end. */
function clientVerdict(sim: Engine, i: number): Health {
  const c = sim.clients[i];
  const p99 = c.windowLatency.total >= MIN_LATENCY_SAMPLES ? c.windowLatency.percentile(99) : 0;
  c.windowLatency.advance();
  const before = c.verdict;
  const verdict = judgeClient({ done: c.health.total, failures: c.health.failed, p99, sloMs: c.sloMs }, before);
  c.verdict = verdict.health;
  const wasBreaching = before === 'degraded' || before === 'failing';
  if (verdict.breach && !wasBreaching) sim.record('slo-breach', { client: c.node.c.id, value: 1 - c.health.ratio, detail: verdict.reason ?? '' });
  else if (!verdict.breach && wasBreaching) sim.record('slo-recovered', { client: c.node.c.id, value: 1 - c.health.ratio });
  return verdict.health;
}

function latencySummary(sum: number, count: number, h: Histogram): LatencySummary {
  return { mean: count > 0 ? sum / count : 0, p50: h.percentile(50), p95: h.percentile(95), p99: h.percentile(99) };
}

export function summarize(sim: Engine): RunSummary {
  const from = sim.config.warmupMs;
  const to = sim.config.durationMs;
  const span = Math.max(1e-9, to - from);
  return {
    fromMs: from,
    toMs: to,
    clients: sim.clients.map((c) => {
      const done = c.sSuccesses + c.sDegraded + c.sFailures;
      return {
        id: c.node.c.id,
        label: c.node.c.label,
        requests: c.sRequests,
        successes: c.sSuccesses,
        degraded: c.sDegraded,
        failures: c.sFailures,
        successRatio: done > 0 ? (c.sSuccesses + c.sDegraded) / done : 0,
        latency: latencySummary(c.sOkLatencySum, c.sSuccesses + c.sDegraded, c.sOkLatency),
        latencyAll: latencySummary(c.sLatencySum, done, c.sLatency),
        failuresByCause: Object.fromEntries(CAUSES.map((cause, i) => [cause, c.sCauses[i]])) as Record<Cause, number>,
      };
    }),
    nodes: sim.nodes.map((n) => {
      sim.touch(n);
      return {
        id: n.c.id,
        label: n.c.label,
        kind: n.c.kind,
        arrivals: n.sArrivals,
        successes: n.sSuccesses,
        failures: Object.fromEntries(CAUSES.map((c, i) => [c, n.sCauses[i]])) as RunSummary['nodes'][number]['failures'],
        meanResponseMs: n.sOkResponses > 0 ? n.sOkResponseSum / n.sOkResponses : 0,
        meanResponseAllMs: n.sResponses > 0 ? n.sResponseSum / n.sResponses : 0,
        meanQueueWaitMs: n.sWaits > 0 ? n.sWaitSum / n.sWaits : 0,
        meanInSystem: (n.areaInSystem - n.areaInSystemAtWarmup) / span,
        utilisation: n.c.capacity > 0 ? (n.areaBusy - n.areaBusyAtWarmup) / (n.c.capacity * span) : 0,
        wasted: n.sWasted,
        maxQueueDepth: n.sMaxDepth,
        deadLettered: n.sDeadLettered,
      };
    }),
    edges: sim.edges.map((e) => ({
      id: e.c.id,
      source: sim.nodes[e.c.source].c.id,
      target: sim.nodes[e.c.target].c.id,
      calls: e.sCalls,
      attempts: e.sAttempts,
      failures: e.sFailures,
      timeouts: e.sTimeouts,
      meanAttempts: e.sCalls > 0 ? e.sAttempts / e.sCalls : 0,
      breakerOpened: e.breaker?.opened ?? 0,
    })),
  };
}
