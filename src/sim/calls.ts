// Calls between nodes: breakers, bulkheads, partitions, network delay, timeouts (the callee keeps
// working; its late answer is wasted), retries with backoff and jitter, and fallbacks.
import type { CEdge } from './compile';
import { NO_TRANSITION } from './breaker';
import { EV_ARRIVE, EV_RESPONSE, EV_RETRY, EV_TIMEOUT, type Engine, quietBuckets } from './engine';
import { type Call, CAUSE_INDEX, type Caller, type EdgeState, type Job } from './state';
import { BREAKER_HALF_OPEN, BREAKER_OPEN, CAUSES, type Cause, type SampledRequest } from './types';

const OUTCOME_OK = 0;
/** Codes 1..8 are failure causes; this one is a success that fell back somewhere below. */
const OUTCOME_DEGRADED = 15;

export function startCall(sim: Engine, edge: CEdge, caller: Caller | null, sample: SampledRequest | null): Call {
  const state = sim.edges[edge.index];
  state.calls++;
  if (sim.measuring) state.sCalls++;
  const call = sim.newCall(edge, caller, sample);
  sendAttempt(sim, call);
  return call;
}

export function sendAttempt(sim: Engine, call: Call): void {
  const edge = sim.edges[call.edge.index];
  const p = call.edge.call;
  edge.attempts++;
  if (sim.measuring) edge.sAttempts++;
  call.settled = false;
  call.probe = false;
  call.sentAt = sim.now;
  if (edge.breaker) {
    const verdict = edge.breaker.admit(sim.now);
    if (edge.breaker.transition !== NO_TRANSITION) breakerChanged(sim, edge, edge.breaker.transition);
    if (verdict === 'reject') return settle(sim, call, false, 'circuit-open');
    call.probe = verdict === 'probe';
  }
  if (p.bulkhead > 0 && edge.inFlight >= p.bulkhead) return settle(sim, call, false, 'bulkhead');
  if (edge.partition === 'refuse') return settle(sim, call, false, 'unreachable');
  if (edge.extraError > 0 && sim.rng.chance(edge.extraError)) return settle(sim, call, false, 'error');
  edge.inFlight++;
  call.inFlight = true;
  if (p.timeoutMs > 0) armTimeout(sim, edge, call, p.timeoutMs);
  if (edge.partition === 'drop') return; // never arrives; only the timeout ends it
  call.refs++;
  sim.schedule(p.networkMs + edge.extraLatency, EV_ARRIVE, call, call.attempt);
}

/** The callee finished a job for this call: the answer travels back unless the caller gave up. */
export function answer(sim: Engine, job: Job, ok: boolean, cause: Cause | null): void {
  const call = job.call!;
  if (call.settled || call.attempt !== job.attempt) {
    job.node.wasted++;
    if (sim.measuring) job.node.sWasted++;
    return;
  }
  const edge = sim.edges[call.edge.index];
  const code = ok ? (job.degraded ? OUTCOME_DEGRADED : OUTCOME_OK) : 1 + CAUSE_INDEX[cause!];
  call.refs++;
  sim.schedule(call.edge.call.networkMs + edge.extraLatency, EV_RESPONSE, call, call.attempt * 16 + code);
}

export function onResponse(sim: Engine, call: Call, n: number): void {
  const attempt = n >> 4;
  if (!call.settled && call.attempt === attempt) {
    const code = n & 15;
    if (code === OUTCOME_OK || code === OUTCOME_DEGRADED) settle(sim, call, true, null, code === OUTCOME_DEGRADED);
    else settle(sim, call, false, CAUSES[code - 1]);
  }
  sim.letGo(call);
}

function armTimeout(sim: Engine, edge: EdgeState, call: Call, timeoutMs: number): void {
  call.refs++;
  edge.timers.push(sim.now + timeoutMs, call, call.attempt);
  if (!edge.timerArmed) {
    edge.timerArmed = true;
    sim.schedule(timeoutMs, EV_TIMEOUT, edge);
  }
}

/** Fires every timeout on the edge that is due now, then waits for the next one. */
export function onEdgeTimer(sim: Engine, edge: EdgeState): void {
  const timers = edge.timers;
  while (timers.length > 0 && timers.nextDeadline <= sim.now) {
    timers.shift();
    const call = timers.call!;
    onTimeout(sim, edge, call, timers.attempt);
    sim.letGo(call);
  }
  if (timers.length > 0) sim.heap.push(timers.nextDeadline, EV_TIMEOUT, edge);
  else edge.timerArmed = false;
}

function onTimeout(sim: Engine, edge: EdgeState, call: Call, attempt: number): void {
  if (call.settled || call.attempt !== attempt) return;
  edge.timeouts++;
  if (sim.measuring) edge.sTimeouts++;
  if (edge.timeoutQuiet === 0) sim.record('timeouts', { edge: call.edge.id, detail: `${label(sim, call.edge.source)} → ${label(sim, call.edge.target)}` });
  edge.timeoutQuiet = quietBuckets(sim);
  settle(sim, call, false, 'timeout');
}

/** The current attempt has an outcome. Retry, fall back, or hand the result to the caller. */
function settle(sim: Engine, call: Call, ok: boolean, cause: Cause | null, degraded = false): void {
  call.settled = true;
  const edge = sim.edges[call.edge.index];
  if (call.inFlight) {
    call.inFlight = false;
    edge.inFlight--;
  }
  if (edge.breaker && cause !== 'circuit-open') {
    if (call.probe) edge.breaker.probeDone(sim.now, ok);
    else edge.breaker.record(sim.now, ok);
    if (edge.breaker.transition !== NO_TRANSITION) breakerChanged(sim, edge, edge.breaker.transition);
  }
  if (call.sample && call.sample.hops.length < 64) {
    call.sample.hops.push({ edge: call.edge.modelId, attempt: call.attempt, sentAt: call.sentAt, settledAt: sim.now, outcome: ok ? 'ok' : cause! });
  }
  if (ok) return finish(sim, call, true, degraded, null);
  const p = call.edge.call;
  // An open breaker says the callee is down for its cool-down: retrying now only fails fast again.
  if (call.attempt < p.maxAttempts && cause !== 'circuit-open') {
    call.attempt++;
    const delay = backoff(sim, p.backoffMs, p.backoffMultiplier, p.backoffMaxMs, p.jitter, call.attempt - 1);
    if (delay <= 0) return sendAttempt(sim, call);
    call.refs++;
    sim.schedule(delay, EV_RETRY, call);
    return;
  }
  edge.failures++;
  if (sim.measuring) edge.sFailures++;
  if (p.fallback) return finish(sim, call, true, true, null);
  finish(sim, call, false, false, cause);
}

export function onRetry(sim: Engine, call: Call): void {
  if (!call.finished) sendAttempt(sim, call);
  sim.letGo(call);
}

/** The call has its final outcome: whoever made it hears it (fire-and-forget calls have nobody). */
function finish(sim: Engine, call: Call, ok: boolean, degraded: boolean, cause: Cause | null): void {
  call.finished = true;
  const caller = call.caller;
  if (caller !== null) {
    switch (caller.role) {
      case 'job':
        sim.callers.job(sim, caller, call.edge.index, call.callerGen, ok, degraded, cause);
        break;
      case 'request':
        sim.callers.request(sim, caller, ok, degraded, cause);
        break;
      case 'delivery':
        sim.callers.delivery(sim, caller, ok, cause);
        break;
    }
  }
  sim.recycle(call);
}

/** Delay before retry `n` (1 = the first retry): exponential, capped, with the chosen jitter. */
export function backoff(sim: Engine, base: number, multiplier: number, cap: number, jitter: string, n: number): number {
  const plain = Math.min(cap > 0 ? cap : Infinity, base * multiplier ** (n - 1));
  if (jitter === 'full') return sim.rng.next() * plain;
  if (jitter === 'equal') return plain / 2 + (sim.rng.next() * plain) / 2;
  return plain;
}

function breakerChanged(sim: Engine, edge: EdgeState, to: number): void {
  const type = to === BREAKER_OPEN ? 'breaker-open' : to === BREAKER_HALF_OPEN ? 'breaker-half-open' : 'breaker-closed';
  sim.record(type, { edge: edge.c.id, detail: `${label(sim, edge.c.source)} → ${label(sim, edge.c.target)}` });
}

export function label(sim: Engine, node: number): string {
  return sim.nodes[node].c.label;
}
