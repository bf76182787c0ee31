// Clients: Poisson arrivals at a rate that follows the client's pattern (constant, ramp, spike,
// steps) and any traffic-spike fault; each request calls the client's outgoing edges and is a
// success end to end only if they all succeed (a fallback counts as degraded success).
//
// The rate changes over time, and a gap drawn at one rate is wrong after a change: the pending
// arrival is redrawn at every change (exponential gaps are memoryless, so starting afresh from
// the change is exact). Within a ramp the rate changes continuously; arrivals there are drawn at
// the ramp's highest rate and kept with probability rate(t) / highest (thinning), also exact.
import { startCall } from './calls';
import { EV_CLIENT, type Engine } from './engine';
import { CAUSE_INDEX, type ClientRequest, type ClientState } from './state';
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

type PatternProps = Parameters<typeof patternRate>[0];

/** The stretch of the pattern from t up to its next change: the rate runs linearly from `from` to `to`. */
export function patternSegment(p: PatternProps, t: number): { end: number; from: number; to: number } {
  const start = p.patternStartMs;
  const span = Math.max(1, p.patternDurationMs);
  let end = Infinity;
  switch (p.pattern) {
    case 'ramp':
    case 'spike':
      end = t < start ? start : t < start + span ? start + span : Infinity;
      break;
    case 'steps':
      if (t < start) end = start;
      else if (t < start + span) end = start + (Math.floor(((t - start) / span) * 4) + 1) * (span / 4);
      break;
  }
  const from = patternRate(p, t);
  // Only a ramp's rate moves within a stretch; elsewhere it holds until the change.
  const to = p.pattern === 'ramp' && t >= start && t < start + span ? patternRate(p, end) : from;
  return { end, from, to };
}

/** Gives up on an arrival after this many rejected draws (a rate that stays at almost zero). */
const MAX_DRAWS = 100_000;

/** When the client's next request comes, from `now`, or Infinity when its rate stays at zero. */
export function nextArrival(sim: Engine, client: ClientState): number {
  const p = client.node.c.props;
  const factor = client.node.rateFactor;
  // A steady rate, the common case, in one draw.
  if (p.pattern === 'constant') return p.rateRps * factor > 0 ? sim.now + sim.rng.exponential(1000 / (p.rateRps * factor)) : Infinity;
  let t = sim.now;
  for (let draws = 0; draws < MAX_DRAWS; draws++) {
    const seg = patternSegment(p, t);
    const high = Math.max(seg.from, seg.to) * factor;
    if (!(high > 0)) {
      if (seg.end === Infinity) return Infinity;
      t = seg.end;
      continue;
    }
    const candidate = t + sim.rng.exponential(1000 / high);
    if (candidate >= seg.end) {
      t = seg.end;
      continue;
    }
    if (seg.from === seg.to || sim.rng.next() * high < patternRate(p, candidate) * factor) return candidate;
    t = candidate;
  }
  return Infinity;
}

/** Draws the client's next arrival afresh; any arrival drawn before is dropped (its generation is old). */
export function scheduleNextArrival(sim: Engine, client: ClientState): void {
  const gen = ++client.arrivalGen;
  const at = nextArrival(sim, client);
  if (at < Infinity) sim.heap.push(at, EV_CLIENT, client, gen);
}

export function onClientArrival(sim: Engine, client: ClientState, gen: number): void {
  if (gen !== client.arrivalGen) return;
  scheduleNextArrival(sim, client);
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
  const request = sim.newRequest(client, sample);
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
  const c = client.node.c;
  if (c.allOut) return c.out;
  return c.out.filter((e) => sim.rng.chance(sim.compiled.edges[e].call.probability));
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
    if (measured) {
      c.sFailures++;
      c.sCauses[CAUSE_INDEX[r.failCause]]++;
    }
  } else {
    if (r.degraded) {
      c.degraded++;
      if (measured) c.sDegraded++;
    } else {
      c.successes++;
      if (measured) c.sSuccesses++;
    }
    if (measured) {
      c.sOkLatencySum += latency;
      c.sOkLatency.add(latency);
    }
  }
  if (r.sample) {
    r.sample.endedAt = sim.now;
    r.sample.outcome = r.failCause ?? (r.degraded ? 'degraded' : 'ok');
    sim.samples.push(r.sample);
  }
  sim.releaseRequest(r);
}
