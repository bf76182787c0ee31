// Clients: Poisson arrivals at a rate that follows the client's pattern (constant, ramp, spike,
// steps) and any traffic-spike fault; each request calls the client's outgoing edges and is a
// success end to end only if they all succeed (a fallback counts as degraded success).
import { startCall } from './calls';
import { EV_CLIENT, type Engine } from './engine';
import { ClientRequest, type ClientState } from './state';
import type { Cause, SampledRequest } from './types';

/** Requests per second at time t, before faults. */
export function patternRate(
  p: { rateRps: number; pattern: string; patternFactor: number; patternStartMs: number; patternDurationMs: number },
  t: number,
): number {
  const base = p.rateRps;
  const peak = base * p.patternFactor;
  const start = p.patternStartMs;
  const span = Math.max(1, p.patternDurationMs);
  const progress = Math.min(1, Math.max(0, (t - start) / span));
  switch (p.pattern) {
    case 'ramp':
      return base + (peak - base) * progress;
    case 'spike':
      return t >= start && t < start + span ? peak : base;
    case 'steps':
      return t < start ? base : base + ((peak - base) * Math.min(4, Math.floor(progress * 4) + 1)) / 4;
    default:
      return base;
  }
}

/** Without arrivals, look again after this long (a pattern or a spike may raise the rate). */
const IDLE_RECHECK_MS = 100;

export function scheduleNextArrival(sim: Engine, client: ClientState): void {
  const rate = patternRate(client.node.c.props, sim.now) * client.node.rateFactor;
  if (!(rate > 0)) {
    sim.schedule(IDLE_RECHECK_MS, EV_CLIENT, client, 1);
    return;
  }
  sim.schedule(sim.rng.exponential(1000 / rate), EV_CLIENT, client, 0);
}

export function onClientArrival(sim: Engine, client: ClientState, recheck: number): void {
  scheduleNextArrival(sim, client);
  if (recheck === 1) return;
  const out = pickClientEdges(sim, client);
  if (out.length === 0) return;
  sim.requests++;
  client.requests++;
  if (sim.measuring) client.sRequests++;
  let sample: SampledRequest | null = null;
  if (client.sampledInBucket < sim.samplesPerBucket) {
    client.sampledInBucket++;
    sample = { client: client.node.c.id, startedAt: sim.now, endedAt: sim.now, outcome: 'ok', hops: [] };
  }
  const request = new ClientRequest(client, sim.now, sample);
  request.pending = out.length;
  for (const e of out) {
    const edge = sim.compiled.edges[e];
    if (edge.async) {
      startCall(sim, edge, null, sample);
      requestCallDone(sim, request, true, false, null);
    } else startCall(sim, edge, request, sample);
  }
}

/** A request takes each outgoing edge with that edge's probability, all at once. */
function pickClientEdges(sim: Engine, client: ClientState): readonly number[] {
  const out = client.node.c.out;
  if (out.every((e) => sim.compiled.edges[e].call.probability >= 1)) return out;
  return out.filter((e) => sim.rng.chance(sim.compiled.edges[e].call.probability));
}

export function requestCallDone(sim: Engine, r: ClientRequest, ok: boolean, degraded: boolean, cause: Cause | null): void {
  if (!ok && r.failCause === null) r.failCause = cause;
  if (degraded) r.degraded = true;
  if (--r.pending === 0) finishRequest(sim, r);
}

function finishRequest(sim: Engine, r: ClientRequest): void {
  const c = r.client;
  const latency = sim.now - r.startedAt;
  const measured = r.startedAt >= sim.config.warmupMs;
  c.latencySum += latency;
  c.bucketLatency.add(latency);
  c.windowLatency.current.add(latency);
  if (measured) {
    c.sLatencySum += latency;
    c.sLatency.add(latency);
  }
  if (r.failCause !== null) {
    c.failures++;
    if (measured) c.sFailures++;
  } else if (r.degraded) {
    c.degraded++;
    if (measured) c.sDegraded++;
  } else {
    c.successes++;
    if (measured) c.sSuccesses++;
  }
  if (r.sample) {
    r.sample.endedAt = sim.now;
    r.sample.outcome = r.failCause ?? (r.degraded ? 'degraded' : 'ok');
    sim.samples.push(r.sample);
  }
}
