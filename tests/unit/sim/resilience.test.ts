// Resilience behaviour the issue pins down: breakers, hangs that cascade, retry storms, cache
// flushes and consumer outages.
import { describe, expect, it } from 'vitest';
import type { RecordedRun } from '../../../src/sim/types';
import { simulate } from '../../../src/sim/simulate';
import { DiagramBuilder } from '../../helpers/builders';
import { BACKOFF_AND_BREAKER, NAIVE_RETRIES, retryStorm, STORM_FAULT } from '../../helpers/retryStorm';
import { nodeFault, scenario } from '../../helpers/simScenarios';

/** Mean per-bucket value of a series over the buckets entirely inside [from, to). */
function meanOver(run: RecordedRun, series: Float32Array, index: number, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (let b = 0; b < run.buckets; b++) {
    const t = b * run.bucketMs;
    if (t >= from && t + run.bucketMs <= to) {
      sum += series[index * run.buckets + b];
      n++;
    }
  }
  return sum / n;
}

function nodeIndex(run: RecordedRun, id: string) {
  return run.nodes.findIndex((n) => n.id === id);
}

describe('circuit breaker', () => {
  it('opens within one window of its dependency failing, probes after the cool-down, and closes once it is back', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 100 } });
    b.node('service', { id: 'api' });
    b.node('service', { id: 'dep' });
    b.edge('users', 'api');
    const window = 10_000;
    const cooldown = 5_000;
    b.edge('api', 'dep', {
      id: 'api-dep',
      call: { breaker: true, breakerWindowMs: window, breakerCooldownMs: cooldown, breakerMinCalls: 20, breakerFailureRate: 0.5, breakerProbes: 3 },
    });
    const run = simulate(b.build(), scenario(90_000, { warmupMs: 5_000, faults: [nodeFault('crash', 'dep', 20_000, 60_000)] }));
    const transitions = run.events.filter((e) => e.edge === 'api-dep' && e.type.startsWith('breaker-'));
    const open = transitions.find((e) => e.type === 'breaker-open')!;
    expect(open.t).toBeGreaterThan(20_000);
    expect(open.t).toBeLessThanOrEqual(20_000 + window);
    const halfOpen = transitions.find((e) => e.type === 'breaker-half-open')!;
    expect(halfOpen.t).toBeGreaterThanOrEqual(open.t + cooldown);
    expect(halfOpen.t).toBeLessThan(open.t + cooldown + 100);
    // Probes into a crashed dependency fail and re-open it; once it is back, probes close it.
    const next = transitions[transitions.indexOf(halfOpen) + 1];
    expect(next.type).toBe('breaker-open');
    const closed = transitions.find((e) => e.type === 'breaker-closed')!;
    expect(closed.t).toBeGreaterThan(60_000);
    expect(closed.t).toBeLessThan(60_000 + cooldown + 1_000);
    // While open it fails fast: calls stop reaching the dependency.
    const dep = nodeIndex(run, 'dep');
    expect(meanOver(run, run.series.node.arrivals, dep, open.t + 500, halfOpen.t - 100)).toBe(0);
    // The transitions follow the state machine: only these moves occur.
    const allowed = new Set([
      'breaker-open>breaker-half-open',
      'breaker-half-open>breaker-open',
      'breaker-half-open>breaker-closed',
      'breaker-closed>breaker-open',
    ]);
    for (let i = 1; i < transitions.length; i++) expect(allowed.has(`${transitions[i - 1].type}>${transitions[i].type}`)).toBe(true);
  });

  it('does not retry a call its open breaker failed fast: one attempt per call while open', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 100 } });
    b.node('service', { id: 'api' });
    b.node('service', { id: 'dep' });
    b.edge('users', 'api');
    b.edge('api', 'dep', { id: 'api-dep', call: { breaker: true, breakerCooldownMs: 20_000, maxAttempts: 4, backoffMs: 10 } });
    const run = simulate(b.build(), scenario(60_000, { warmupMs: 5_000, faults: [nodeFault('crash', 'dep', 20_000, 60_000)] }));
    const open = run.events.find((e) => e.edge === 'api-dep' && e.type === 'breaker-open')!;
    const edge = run.edges.findIndex((e) => e.id === 'api-dep');
    const from = open.t + 500;
    const to = open.t + 15_000;
    expect(meanOver(run, run.series.edge.calls, edge, from, to)).toBeGreaterThan(5);
    expect(meanOver(run, run.series.edge.attempts, edge, from, to)).toBe(meanOver(run, run.series.edge.calls, edge, from, to));
  });
});

describe('a hung dependency', () => {
  it('saturates its caller, whose own callers then time out, in that order in the incident timeline', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', label: 'Users', props: { rateRps: 150 } });
    b.node('apiGateway', { id: 'gw', label: 'Gateway' });
    b.node('service', { id: 'product', label: 'Product' });
    b.node('service', { id: 'inventory', label: 'Inventory' });
    b.chain('users', 'gw', 'product', 'inventory');
    const run = simulate(b.build(), scenario(60_000, { faults: [nodeFault('hang', 'inventory', 10_000, 30_000)] }));
    const texts = run.timeline.map((e) => e.text);
    const fault = texts.indexOf('Inventory hangs (injected)');
    const saturated = texts.indexOf('Product: all 150 slots waiting on Inventory');
    const callersTimeOut = texts.indexOf('Gateway → Product: calls time out');
    expect(fault).toBe(0);
    expect(saturated).toBeGreaterThan(fault);
    expect(callersTimeOut).toBeGreaterThan(saturated);
    expect(run.timeline[saturated].t).toBeLessThan(run.timeline[callersTimeOut].t);
    // The hung node's late answers never count: wasted work is recorded at Product.
    expect(run.summary.nodes.find((n) => n.id === 'product')!.wasted).toBeGreaterThan(0);
  });
});

describe('retry storms', () => {
  function depLoad(run: RecordedRun) {
    const dep = nodeIndex(run, 'dep');
    const base = meanOver(run, run.series.node.arrivals, dep, 5_000, STORM_FAULT.start);
    const during = meanOver(run, run.series.node.arrivals, dep, STORM_FAULT.start, STORM_FAULT.end);
    return during / base;
  }

  it('three immediate retries without a breaker drive offered load on the slow dependency above 2.5x', () => {
    const { diagram, scenario: s } = retryStorm(NAIVE_RETRIES);
    expect(depLoad(simulate(diagram, s))).toBeGreaterThan(2.5);
  });

  it('backoff with full jitter and a breaker keep it under 1.3x, and clients recover within 5 s of the fault ending', () => {
    const { diagram, scenario: s } = retryStorm(BACKOFF_AND_BREAKER);
    const run = simulate(diagram, s);
    expect(depLoad(run)).toBeLessThan(1.3);
    const c = run.series.client;
    let recoveredAt = Infinity;
    for (let b = run.buckets - 1; b >= 0; b--) {
      const done = c.successes[b] + c.degraded[b] + c.failures[b];
      if (done > 0 && (c.successes[b] + c.degraded[b]) / done < 0.99) break;
      recoveredAt = b * run.bucketMs;
    }
    expect(recoveredAt).toBeGreaterThan(STORM_FAULT.end);
    expect(recoveredAt).toBeLessThanOrEqual(STORM_FAULT.end + 5_000);
  });
});

describe('cache flush', () => {
  it('multiplies database arrivals by about 1/(1-h)', () => {
    const h = 0.9;
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 500 } });
    b.node('cache', { id: 'cache', props: { hitRatio: h, warmupMs: 30_000 } });
    b.node('database', { id: 'db', props: { replicas: 4, concurrency: 200, queueLimit: 100_000 } });
    b.chain('users', 'cache', 'db');
    const run = simulate(b.build(), scenario(60_000, { faults: [nodeFault('cacheFlush', 'cache', 30_000, 35_000)] }));
    const db = nodeIndex(run, 'db');
    const base = meanOver(run, run.series.node.arrivals, db, 10_000, 30_000);
    const flushed = meanOver(run, run.series.node.arrivals, db, 30_000, 35_000);
    expect(Math.abs(flushed / base - 1 / (1 - h)) / (1 / (1 - h))).toBeLessThan(0.1);
    // And the hit ratio warms back up: half-way through the warm-up, misses are about halfway back.
    const warming = meanOver(run, run.series.node.arrivals, db, 49_000, 51_000);
    expect(warming / base).toBeGreaterThan(3);
    expect(warming / base).toBeLessThan(7);
  });
});

describe('queues', () => {
  it('grows at the arrival rate while its consumer is down and drains at (capacity - arrival rate) after', () => {
    const arrival = 100; // messages per second
    const capacity = 250; // 5 slots, 20 ms each
    const b = new DiagramBuilder();
    b.node('client', { id: 'producer', props: { rateRps: arrival } });
    b.node('queue', { id: 'queue' });
    b.node('worker', { id: 'worker', props: { replicas: 1, concurrency: 5, latencyDist: 'constant', latencyMs: 20, errorRate: 0 } });
    b.chain('producer', 'queue', 'worker');
    const run = simulate(b.build(), scenario(120_000, { faults: [nodeFault('crash', 'worker', 20_000, 40_000)] }));
    const q = nodeIndex(run, 'queue');
    const depth = (t: number) => run.series.node.queueDepth[q * run.buckets + Math.floor(t / run.bucketMs)];
    const growth = (depth(39_000) - depth(24_000)) / 15;
    expect(Math.abs(growth - arrival) / arrival).toBeLessThan(0.1);
    const drainFrom = 41_000;
    const drained = depth(drainFrom);
    const drainRate = (drained - depth(drainFrom + 8_000)) / 8;
    expect(Math.abs(drainRate - (capacity - arrival)) / (capacity - arrival)).toBeLessThan(0.1);
    // The lag (age of the oldest message) grows while it is down.
    expect(run.series.node.oldestAgeMs[q * run.buckets + Math.floor(39_000 / run.bucketMs)]).toBeGreaterThan(15_000);
    // Everything is eventually consumed.
    expect(depth(119_000)).toBeLessThan(5);
  });
});
