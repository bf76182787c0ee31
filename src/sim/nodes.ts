// What a node does with a request: take a slot or wait in its FIFO queue (or refuse when the
// queue is full), work for a sampled service time, then answer, or call downstream first:
// every outgoing edge (fan-out), one healthy alternative (load balancers, gateways), or, for a
// cache, only on a miss. Blocking nodes hold their slot while they wait on downstream calls.
import { answer, startCall } from './calls';
import { EV_SERVICE_DONE, type Engine, quietBuckets } from './engine';
import { dispatchFeeders, enqueueMessage } from './queues';
import { CAUSE_INDEX, type Call, type Job, type NodeState } from './state';
import type { Cause } from './types';

export function onArrive(sim: Engine, call: Call, attempt: number): void {
  const node = sim.nodes[call.edge.target];
  const delivery = call.caller?.role === 'delivery' ? call.caller : null;
  // The arrival's hold on the call passes to the job, which lets go when it finishes.
  arrive(sim, sim.newJob(node, call, attempt, call.sample, delivery));
}

function link(node: NodeState, job: Job) {
  job.next = node.jobsHead;
  if (node.jobsHead) node.jobsHead.prev = job;
  node.jobsHead = job;
}

function unlink(node: NodeState, job: Job) {
  if (job.prev) job.prev.next = job.next;
  else node.jobsHead = job.next;
  if (job.next) job.next.prev = job.prev;
  job.prev = job.next = null;
}

export function arrive(sim: Engine, job: Job): void {
  const node = job.node;
  sim.touch(node);
  node.arrivals++;
  if (sim.measuring) node.sArrivals++;
  node.inSystem++;
  link(node, job);
  if (node.crashed) return complete(sim, job, false, 'refused');
  if (node.c.props.rateLimitRps > 0 && !takeToken(sim, node)) return complete(sim, job, false, 'rate-limited');
  if (node.busy < node.capacity) return startService(sim, job);
  if (node.waiting.length < node.c.props.queueLimit) {
    node.waiting.push(job);
    if (sim.measuring && node.waiting.length > node.sMaxDepth) node.sMaxDepth = node.waiting.length;
    checkSaturation(sim, node);
    return;
  }
  if (node.overloadQuiet === 0) sim.record('queue-full', { node: node.c.id, detail: `${node.waiting.length} waiting` });
  node.overloadQuiet = quietBuckets(sim);
  node.overloadedInBucket++;
  complete(sim, job, false, 'overloaded');
}

function takeToken(sim: Engine, node: NodeState): boolean {
  const p = node.c.props;
  node.tokens = Math.min(p.rateLimitBurst, node.tokens + ((sim.now - node.tokensAt) / 1000) * p.rateLimitRps);
  node.tokensAt = sim.now;
  if (node.tokens < 1) return false;
  node.tokens -= 1;
  return true;
}

function startService(sim: Engine, job: Job): void {
  const node = job.node;
  sim.touch(node);
  node.busy++;
  job.slotHeld = true;
  job.startedAt = sim.now;
  if (job.arrivedAt >= sim.config.warmupMs) {
    node.sWaitSum += sim.now - job.arrivedAt;
    node.sWaits++;
  }
  if (node.hung) {
    markStuck(job);
    checkSaturation(sim, node);
    return;
  }
  sim.schedule(serviceTime(sim, node), EV_SERVICE_DONE, job, job.gen);
}

function serviceTime(sim: Engine, node: NodeState): number {
  const p = node.c.props;
  let t: number;
  if (p.latencyDist === 'constant') t = p.latencyMs;
  else if (p.latencyDist === 'exponential') t = sim.rng.exponential(p.latencyMs);
  else t = sim.rng.lognormal(p.latencyMs, p.latencyP99Ms);
  return t * node.latencyMul + node.latencyAdd;
}

export function onServiceDone(sim: Engine, job: Job, gen: number): void {
  if (job.gen !== gen) return;
  const node = job.node;
  if (node.hung) return markStuck(job);
  const p = node.c.props;
  const errorRate = p.errorRate + node.extraError;
  if (errorRate > 0 && sim.rng.chance(errorRate)) return complete(sim, job, false, 'error');
  switch (node.c.routing) {
    case 'queue':
      return complete(sim, job, enqueueMessage(sim, node, job.sample), 'overloaded');
    case 'cache':
      if (sim.rng.chance(hitRatio(sim, node))) return complete(sim, job, true, null);
      return cacheMiss(sim, job);
    case 'alternatives': {
      const target = chooseTarget(sim, node);
      return callOut(sim, job, target < 0 ? [] : [node.c.out[target]]);
    }
    default:
      return callOut(sim, job, pickEdges(sim, node));
  }
}

function hitRatio(sim: Engine, node: NodeState): number {
  const p = node.c.props;
  if (node.flushActive) return 0;
  if (node.flushUntil >= 0 && sim.now < node.flushUntil + p.warmupMs) return (p.hitRatio * (sim.now - node.flushUntil)) / p.warmupMs;
  return p.hitRatio;
}

/** A miss goes downstream; with coalescing, a miss for a key already being fetched waits for it. */
function cacheMiss(sim: Engine, job: Job): void {
  const node = job.node;
  const target = chooseTarget(sim, node);
  const out = target < 0 ? [] : [node.c.out[target]];
  if (!node.c.props.coalescing || out.length === 0) return callOut(sim, job, out);
  // Popular keys are asked for most: key = floor(1000 u^3) puts about a tenth of misses on key 0.
  const key = Math.floor(1000 * sim.rng.next() ** 3);
  const waiters = node.inflightMisses.get(key);
  if (waiters) {
    waiters.jobs.push(job);
    waiters.gens.push(job.gen);
    if (job.slotHeld && !node.c.props.blocking) releaseSlot(sim, job);
    return;
  }
  node.inflightMisses.set(key, { jobs: [], gens: [] });
  job.key = key;
  callOut(sim, job, out);
}

/** The outgoing edges taken this time, each with its probability. */
function pickEdges(sim: Engine, node: NodeState): number[] {
  const out = node.c.out;
  if (node.c.allOut) return out;
  return out.filter((e) => sim.rng.chance(sim.compiled.edges[e].call.probability));
}

/** One healthy outgoing edge (local index), or -1. Ejected targets are skipped unless all are. */
export function chooseTarget(sim: Engine, node: NodeState): number {
  const n = node.c.out.length;
  if (n === 0) return -1;
  if (n === 1) return 0;
  let healthy = 0;
  for (let i = 0; i < n; i++) if (node.ejectedUntil[i] <= sim.now) healthy++;
  // With every target ejected, all are used again (panic routing) rather than none.
  const all = healthy === 0;
  const now = sim.now;
  switch (node.c.props.balancing) {
    case 'random': {
      let pick = sim.rng.below(all ? n : healthy);
      for (let i = 0; i < n; i++) if ((all || node.ejectedUntil[i] <= now) && pick-- === 0) return i;
      return 0;
    }
    case 'leastOutstanding': {
      let best = -1;
      for (let k = 0; k < n; k++) {
        const i = (node.rr + k) % n;
        if ((all || node.ejectedUntil[i] <= now) && (best < 0 || node.outstanding[i] < node.outstanding[best])) best = i;
      }
      node.rr = (node.rr + 1) % n;
      return best;
    }
    default:
      for (let k = 0; k < n; k++) {
        const i = (node.rr + k) % n;
        if (all || node.ejectedUntil[i] <= now) {
          node.rr = (i + 1) % n;
          return i;
        }
      }
      return 0;
  }
}

function callOut(sim: Engine, job: Job, edges: number[]): void {
  if (edges.length === 0) return complete(sim, job, true, null);
  const node = job.node;
  if (!node.c.props.blocking && job.slotHeld) releaseSlot(sim, job);
  if (node.c.props.callMode === 'parallel' && edges.length > 1) {
    job.pending = edges.length;
    for (const e of edges) callDownstream(sim, job, e);
  } else {
    job.calls = edges;
    job.cursor = 0;
    job.pending = 1;
    callDownstream(sim, job, edges[0]);
  }
}

function callDownstream(sim: Engine, job: Job, edgeIndex: number): void {
  const edge = sim.compiled.edges[edgeIndex];
  const node = job.node;
  const local = node.c.routing === 'alternatives' || node.c.routing === 'cache' ? node.c.out.indexOf(edgeIndex) : -1;
  if (local >= 0) node.outstanding[local]++;
  if (edge.async) {
    startCall(sim, edge, null, job.sample);
    return jobCallDone(sim, job, edgeIndex, job.gen, true, false, null);
  }
  job.waitingOn = edgeIndex;
  if (job.slotHeld && !job.countedWaiting) {
    job.countedWaiting = true;
    node.waitingDownstream++;
  }
  startCall(sim, edge, job, job.sample);
  if (job.slotHeld) checkSaturation(sim, node);
}

function markStuck(job: Job): void {
  if (job.stuck) return;
  job.stuck = true;
  job.node.stuckCount++;
}

function stopWaiting(job: Job): void {
  job.waitingOn = -1;
  if (job.countedWaiting) {
    job.countedWaiting = false;
    job.node.waitingDownstream--;
  }
}

/** A call this job made has its outcome; `gen` is the job's generation when it called. */
export function jobCallDone(sim: Engine, job: Job, edgeIndex: number, gen: number, ok: boolean, degraded: boolean, cause: Cause | null): void {
  // The caller's node, from the edge: the job may be finished and reused elsewhere by now.
  const node = sim.nodes[sim.compiled.edges[edgeIndex].source];
  const local = node.c.routing === 'alternatives' || node.c.routing === 'cache' ? node.c.out.indexOf(edgeIndex) : -1;
  if (local >= 0) {
    node.outstanding[local]--;
    trackEjection(sim, node, local, ok && !degraded);
  }
  if (job.gen !== gen) return;
  stopWaiting(job);
  if (node.hung) return markStuck(job);
  if (!ok && job.failCause === null) job.failCause = cause;
  if (ok && degraded) job.degraded = true;
  if (job.calls && ok && job.cursor + 1 < job.calls.length) {
    job.cursor++;
    return callDownstream(sim, job, job.calls[job.cursor]);
  }
  if (--job.pending > 0) return;
  if (job.key >= 0) resolveCoalesced(sim, job, job.failCause === null);
  complete(sim, job, job.failCause === null, job.failCause);
}

function resolveCoalesced(sim: Engine, leader: Job, ok: boolean): void {
  const node = leader.node;
  const waiters = node.inflightMisses.get(leader.key);
  node.inflightMisses.delete(leader.key);
  if (!waiters) return;
  const cause = ok ? null : leader.failCause;
  // A waiter that finished meanwhile (a crash failed it) is not finished twice.
  for (let i = 0; i < waiters.jobs.length; i++) if (waiters.jobs[i].gen === waiters.gens[i]) complete(sim, waiters.jobs[i], ok, cause);
}

function trackEjection(sim: Engine, node: NodeState, local: number, ok: boolean): void {
  const limit = node.c.props.ejectAfterFailures;
  if (ok) {
    node.consecutiveFailures[local] = 0;
    return;
  }
  if (limit <= 0 || node.c.out.length < 2) return;
  if (++node.consecutiveFailures[local] >= limit && node.ejectedUntil[local] <= sim.now) {
    node.consecutiveFailures[local] = 0;
    node.ejectedUntil[local] = sim.now + node.c.props.ejectForMs;
    const edge = sim.compiled.edges[node.c.out[local]];
    sim.record('ejected', { node: node.c.id, edge: edge.id, detail: sim.nodes[edge.target].c.label });
  }
}

/** The job is done at this node: free what it held, count it, and answer its caller. */
export function complete(sim: Engine, job: Job, ok: boolean, cause: Cause | null): void {
  const node = job.node;
  sim.touch(node);
  const freed = job.slotHeld;
  if (freed) {
    node.busy--;
    job.slotHeld = false;
  }
  stopWaiting(job);
  if (job.stuck) {
    job.stuck = false;
    node.stuckCount--;
  }
  unlink(node, job);
  node.inSystem--;
  job.gen++;
  const latency = sim.now - job.arrivedAt;
  node.bucketLatency.add(latency);
  const measured = job.arrivedAt >= sim.config.warmupMs;
  if (ok) {
    node.successes++;
    if (measured) node.sSuccesses++;
  } else {
    node.failures++;
    node.causes[CAUSE_INDEX[cause!]]++;
    if (measured) node.sCauses[CAUSE_INDEX[cause!]]++;
  }
  if (measured) {
    node.sResponseSum += latency;
    node.sResponses++;
    if (ok) {
      node.sOkResponseSum += latency;
      node.sOkResponses++;
    }
  }
  if (job.call) {
    answer(sim, job, ok, cause);
    sim.letGo(job.call);
  }
  if (freed) startWaiting(sim, node);
  sim.releaseJob(job);
}

export function releaseSlot(sim: Engine, job: Job): void {
  const node = job.node;
  sim.touch(node);
  node.busy--;
  job.slotHeld = false;
  startWaiting(sim, node);
}

/** Starts queued jobs while slots are free; a freed consumer slot also pulls from its queues. */
export function startWaiting(sim: Engine, node: NodeState): void {
  while (node.busy < node.capacity && node.waiting.length > 0 && !node.crashed) startService(sim, node.waiting.shift()!);
  if (node.c.feeders.length > 0) dispatchFeeders(sim, node);
}

/** Saturated: every slot is taken and almost all of them wait on one dependency, or the queue is half full. */
export function isSaturated(node: NodeState): boolean {
  if (node.capacity === 0 || node.busy < node.capacity) return false;
  return node.waitingDownstream >= 0.9 * node.capacity || node.stuckCount >= node.capacity || node.waiting.length >= Math.max(1, node.c.props.queueLimit / 2);
}

function checkSaturation(sim: Engine, node: NodeState): void {
  if (node.saturated || !isSaturated(node)) return;
  node.saturated = true;
  node.saturationQuiet = quietBuckets(sim);
  let detail: string;
  if (node.waitingDownstream >= 0.9 * node.capacity) {
    const on = new Map<number, number>();
    for (let j = node.jobsHead; j; j = j.next) if (j.countedWaiting) on.set(j.waitingOn, (on.get(j.waitingOn) ?? 0) + 1);
    const [edge] = [...on].sort((a, b) => b[1] - a[1])[0];
    detail = `all ${node.capacity} slots waiting on ${sim.nodes[sim.compiled.edges[edge].target].c.label}`;
  } else if (node.stuckCount >= node.capacity) detail = `all ${node.capacity} slots stuck`;
  else detail = `${node.waiting.length} requests queued for ${node.capacity} slots`;
  sim.record('saturated', { node: node.c.id, detail });
}

/** Drops what a hang left stuck (it never answers; callers without a timeout learn it now). */
export function releaseStuck(sim: Engine, node: NodeState): void {
  const stuck: Job[] = [];
  for (let j = node.jobsHead; j; j = j.next) if (j.stuck) stuck.push(j);
  // Queued jobs did nothing yet: they stay queued and start now.
  for (const j of stuck) complete(sim, j, false, 'timeout');
  startWaiting(sim, node);
}

/** A crash resets every connection: all jobs at the node fail at once. */
export function failAll(sim: Engine, node: NodeState, cause: Cause): void {
  while (node.waiting.length > 0) node.waiting.shift();
  const all: Job[] = [];
  for (let j = node.jobsHead; j; j = j.next) all.push(j);
  for (const j of all) complete(sim, j, false, cause);
}
