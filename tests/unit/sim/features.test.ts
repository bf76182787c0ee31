// One behaviour per test: routing, limits, fallbacks, partitions, queues, groups.
import { describe, expect, it } from 'vitest';
import type { RecordedRun } from '../../../src/sim/types';
import { simulate } from '../../../src/sim/simulate';
import { DiagramBuilder } from '../../helpers/builders';
import { nodeFault, scenario } from '../../helpers/simScenarios';

const QUIET = { errorRate: 0 };
const node = (run: RecordedRun, id: string) => run.summary.nodes.find((n) => n.id === id)!;
const client = (run: RecordedRun) => run.summary.clients[0];

function balanced(balancing: 'roundRobin' | 'leastOutstanding' | 'random') {
  const b = new DiagramBuilder();
  b.node('client', { id: 'users', props: { rateRps: 300 } });
  b.node('loadBalancer', { id: 'lb', props: { balancing } });
  for (const id of ['a', 'b', 'c']) {
    b.node('service', { id, props: QUIET });
    b.edge('lb', id);
  }
  b.edge('users', 'lb');
  return b.build();
}

describe('routing', () => {
  it.each(['roundRobin', 'leastOutstanding', 'random'] as const)('%s spreads requests over the targets', (balancing) => {
    const run = simulate(balanced(balancing), scenario(30_000));
    const counts = ['a', 'b', 'c'].map((id) => node(run, id).arrivals);
    const mean = counts.reduce((x, y) => x + y) / 3;
    for (const c of counts) expect(Math.abs(c - mean) / mean).toBeLessThan(0.1);
  });

  it('ejects a failing target and sends its share to the others', () => {
    const run = simulate(balanced('roundRobin'), scenario(60_000, { faults: [nodeFault('crash', 'b', 20_000, 60_000)] }));
    expect(run.events.some((e) => e.type === 'ejected' && e.node === 'lb')).toBe(true);
    // Ejection keeps most requests away from the crashed target: far fewer than its third.
    const b = run.nodes.findIndex((n) => n.id === 'b');
    let during = 0;
    for (let k = Math.ceil(25_000 / run.bucketMs); k < run.buckets; k++) during += run.series.node.arrivals[b * run.buckets + k];
    expect(during).toBeLessThan(0.05 * 300 * 35);
    expect(client(run).successRatio).toBeGreaterThan(0.95);
  });

  it('a cache answers hits itself and sends only misses on', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 400 } });
    b.node('cache', { id: 'cache', props: { hitRatio: 0.75, ...QUIET } });
    b.node('database', { id: 'db', props: QUIET });
    b.chain('users', 'cache', 'db');
    const run = simulate(b.build(), scenario(30_000));
    expect(node(run, 'db').arrivals / node(run, 'cache').arrivals).toBeCloseTo(0.25, 1);
  });

  it('coalescing collapses concurrent misses for the same popular key', () => {
    const build = (coalescing: boolean) => {
      const b = new DiagramBuilder();
      b.node('client', { id: 'users', props: { rateRps: 2000 } });
      b.node('cache', { id: 'cache', props: { hitRatio: 0.5, coalescing, ...QUIET } });
      b.node('database', { id: 'db', props: { latencyMs: 50, latencyP99Ms: 200, replicas: 4, concurrency: 500, ...QUIET } });
      b.chain('users', 'cache', 'db');
      return simulate(b.build(), scenario(20_000));
    };
    // About a tenth of misses are for the most popular key; with 50 ms fetches, concurrent misses
    // overlap often enough to save a fifth of the database's load in this run.
    expect(node(build(true), 'db').arrivals).toBeLessThan(0.9 * node(build(false), 'db').arrivals);
  });

  it('calls in parallel take as long as the slowest, in order as long as all together', () => {
    const build = (callMode: 'parallel' | 'sequential') => {
      const b = new DiagramBuilder();
      b.node('client', { id: 'users', props: { rateRps: 50 } });
      b.node('service', { id: 'api', props: { callMode, latencyDist: 'constant', latencyMs: 1, ...QUIET } });
      for (const id of ['x', 'y', 'z']) {
        b.node('service', { id, props: { latencyDist: 'constant', latencyMs: 100, ...QUIET } });
        b.edge('api', id, { call: { networkMs: 0 } });
      }
      b.edge('users', 'api', { call: { networkMs: 0 } });
      return client(simulate(b.build(), scenario(10_000))).latency.mean;
    };
    expect(build('parallel')).toBeCloseTo(101, -1);
    expect(build('sequential')).toBeCloseTo(301, -1);
  });

  it('an asynchronous edge does not make the caller wait', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 50 } });
    b.node('service', { id: 'api', props: { latencyDist: 'constant', latencyMs: 5, ...QUIET } });
    b.node('service', { id: 'audit', props: { latencyDist: 'constant', latencyMs: 500, ...QUIET } });
    b.edge('users', 'api', { call: { networkMs: 0 } });
    b.edge('api', 'audit', { mode: 'async' });
    const run = simulate(b.build(), scenario(10_000));
    expect(client(run).latency.mean).toBeLessThan(10);
    expect(node(run, 'audit').arrivals).toBeGreaterThan(400);
  });
});

describe('limits and fallbacks', () => {
  it('a gateway rate limit refuses what is over its rate', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 300 } });
    b.node('apiGateway', { id: 'gw', props: { rateLimitRps: 200, rateLimitBurst: 20, ...QUIET } });
    b.node('service', { id: 'api', props: QUIET });
    b.chain('users', 'gw', 'api');
    const run = simulate(b.build(), scenario(30_000));
    const gw = node(run, 'gw');
    expect(gw.failures['rate-limited'] / gw.arrivals).toBeCloseTo(1 / 3, 1);
  });

  it('a bulkhead caps concurrent calls and refuses the rest', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 200 } });
    b.node('service', { id: 'api', props: QUIET });
    b.node('external', { id: 'bank', props: { latencyDist: 'constant', latencyMs: 200, ...QUIET } });
    b.edge('users', 'api');
    b.edge('api', 'bank', { call: { bulkhead: 10 } });
    const run = simulate(b.build(), scenario(20_000));
    expect(node(run, 'api').failures.bulkhead).toBeGreaterThan(0);
    const bank = run.nodes.findIndex((n) => n.id === 'bank');
    const inFlight = run.series.node.inFlight.slice(bank * run.buckets, (bank + 1) * run.buckets);
    expect(Math.max(...inFlight)).toBeLessThanOrEqual(10);
  });

  it('a fallback turns a failed call into a degraded success', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 100 } });
    b.node('service', { id: 'api', props: QUIET });
    b.node('service', { id: 'recs', props: QUIET });
    b.edge('users', 'api');
    b.edge('api', 'recs', { call: { fallback: true } });
    const run = simulate(b.build(), scenario(40_000, { faults: [nodeFault('crash', 'recs', 10_000, 30_000)] }));
    expect(client(run).degraded).toBeGreaterThan(1_500);
    expect(client(run).successRatio).toBeGreaterThan(0.99);
  });
});

describe('faults', () => {
  function chain() {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 100 } });
    b.node('service', { id: 'api', props: QUIET });
    b.node('database', { id: 'db', props: QUIET });
    b.edge('users', 'api');
    b.edge('api', 'db', { id: 'api-db', call: { timeoutMs: 500 } });
    return b.build();
  }

  it('a refusing partition fails calls at once as unreachable; a dropping one makes them time out', () => {
    const refuse = simulate(
      chain(),
      scenario(20_000, {
        faults: [{ id: 'p', type: 'partition', target: { type: 'edge', id: 'api-db' }, startMs: 5_000, endMs: 15_000, partition: 'refuse' }],
      }),
    );
    expect(node(refuse, 'api').failures.unreachable).toBeGreaterThan(800);
    expect(node(refuse, 'db').arrivals).toBeLessThan(1_100);
    const drop = simulate(
      chain(),
      scenario(20_000, { faults: [{ id: 'p', type: 'partition', target: { type: 'edge', id: 'api-db' }, startMs: 5_000, endMs: 15_000, partition: 'drop' }] }),
    );
    expect(node(drop, 'api').failures.timeout).toBeGreaterThan(800);
  });

  it('a crash fails the requests in flight once: answers arriving for them later change nothing', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 100 } });
    b.node('service', { id: 'api', props: QUIET });
    b.node('service', { id: 'dep', props: { ...QUIET, latencyDist: 'constant', latencyMs: 500 } });
    b.edge('users', 'api', { call: { timeoutMs: 0 } });
    b.edge('api', 'dep', { call: { timeoutMs: 0 } });
    const run = simulate(b.build(), scenario(30_000, { warmupMs: 0, faults: [nodeFault('crash', 'api', 10_000, 11_000)] }));
    const api = run.nodes.findIndex((n) => n.id === 'api');
    const inFlight = run.series.node.inFlight.subarray(api * run.buckets, (api + 1) * run.buckets);
    expect(Math.min(...inFlight)).toBeGreaterThanOrEqual(0);
    const s = node(run, 'api');
    const finished = s.successes + Object.values(s.failures).reduce((a, v) => a + v, 0);
    // About 50 requests were waiting on dep when api crashed: they fail once, as refused.
    expect(s.failures.refused).toBeGreaterThan(40);
    expect(finished).toBeLessThanOrEqual(s.arrivals);
  });

  it('added and multiplied latency slow the node down while they last', () => {
    const slow = simulate(chain(), scenario(20_000, { warmupMs: 0, faults: [nodeFault('latency', 'db', 0, 20_000, { addMs: 100, factor: 2 })] }));
    const fast = simulate(chain(), scenario(20_000, { warmupMs: 0 }));
    expect(node(slow, 'db').meanResponseMs - 2 * node(fast, 'db').meanResponseMs).toBeCloseTo(100, -1);
  });

  it('an error-rate fault fails that share of requests', () => {
    const run = simulate(chain(), scenario(30_000, { warmupMs: 0, faults: [nodeFault('errorRate', 'db', 0, 30_000, { fraction: 0.25 })] }));
    const db = node(run, 'db');
    expect(db.failures.error / db.arrivals).toBeCloseTo(0.25, 1);
  });

  it('capacity loss takes replicas away', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 500 } });
    b.node('service', { id: 'api', props: { replicas: 4, concurrency: 2, latencyDist: 'constant', latencyMs: 10, queueLimit: 100, ...QUIET } });
    b.edge('users', 'api');
    const run = simulate(b.build(), scenario(30_000, { faults: [nodeFault('capacityLoss', 'api', 10_000, 30_000, { fraction: 0.5 })] }));
    // 4 slots at 10 ms serve 400/s of the 500/s: the rest is refused as overloaded.
    expect(node(run, 'api').failures.overloaded).toBeGreaterThan(1_500);
  });

  it('a fault on a group hits every node inside it', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 100 } });
    b.node('loadBalancer', { id: 'lb' });
    const azA = b.group('AZ a', { id: 'az-a' });
    b.node('service', { id: 'a1', parent: azA, props: QUIET });
    b.node('service', { id: 'a2', parent: azA, props: QUIET });
    b.node('service', { id: 'b1', props: QUIET });
    b.edge('users', 'lb');
    for (const id of ['a1', 'a2', 'b1']) b.edge('lb', id);
    const run = simulate(b.build(), scenario(30_000, { faults: [nodeFault('crash', 'az-a', 10_000, 30_000)] }));
    for (const id of ['a1', 'a2']) expect(run.events.some((e) => e.type === 'unhealthy' && e.node === id)).toBe(true);
    expect(run.events.some((e) => e.type === 'unhealthy' && e.node === 'b1')).toBe(false);
  });

  it('a traffic spike multiplies the client rate', () => {
    const run = simulate(chain(), scenario(30_000, { warmupMs: 0, faults: [nodeFault('trafficSpike', 'users', 10_000, 20_000, { factor: 3 })] }));
    expect(client(run).requests / 30).toBeCloseTo((100 * 20 + 300 * 10) / 30, -1);
  });
});

describe('queues and streams', () => {
  it('a queue shares messages between its consumers; a stream gives each consumer every message', () => {
    const build = (kind: 'queue' | 'stream') => {
      const b = new DiagramBuilder();
      b.node('client', { id: 'producer', props: { rateRps: 100 } });
      b.node(kind, { id: 'q' });
      b.node('worker', { id: 'w1', props: QUIET });
      b.node('worker', { id: 'w2', props: QUIET });
      b.edge('producer', 'q');
      b.edge('q', 'w1');
      b.edge('q', 'w2');
      return simulate(b.build(), scenario(20_000));
    };
    const queue = build('queue');
    const stream = build('stream');
    const produced = node(queue, 'q').arrivals;
    expect(node(queue, 'w1').arrivals + node(queue, 'w2').arrivals).toBeCloseTo(produced, -2);
    expect(node(stream, 'w1').arrivals).toBeCloseTo(node(stream, 'q').arrivals, -2);
    expect(node(stream, 'w2').arrivals).toBeCloseTo(node(stream, 'q').arrivals, -2);
  });

  it('redelivers failed messages, then dead-letters them', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'producer', props: { rateRps: 50 } });
    b.node('queue', { id: 'q', props: { maxDeliveries: 3 } });
    b.node('worker', { id: 'w', props: { errorRate: 1 } });
    b.chain('producer', 'q', 'w');
    const run = simulate(b.build(), scenario(20_000));
    const q = node(run, 'q');
    expect(q.deadLettered).toBeGreaterThan(0);
    expect(node(run, 'w').arrivals / q.arrivals).toBeCloseTo(3, 0);
  });
});

describe('recording', () => {
  it('keeps a bounded sample of requests with every hop', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users', props: { rateRps: 1000 } });
    b.node('service', { id: 'api', props: QUIET });
    b.node('database', { id: 'db', props: QUIET });
    b.chain('users', 'api', 'db');
    const run = simulate(b.build(), scenario(60_000), { sampleLimit: 500 });
    expect(run.samples.length).toBeGreaterThan(200);
    expect(run.samples.length).toBeLessThanOrEqual(500);
    const s = run.samples[0];
    expect(s.hops.map((h) => h.edge)).toEqual(['eapi-db', 'eusers-api']);
    expect(s.endedAt).toBeGreaterThan(s.startedAt);
    // Spread over the run, not bunched at its start.
    expect(run.samples[run.samples.length - 1].startedAt).toBeGreaterThan(50_000);
  });
});

describe('what the timeline tells', () => {
  it('a crash is told "down" at once, after healthy traffic and on a node already failing from overload', () => {
    for (const rate of [100, 500]) {
      // 500 requests/s are more than the worker's 20 slots of 50 ms can take: it fails before the crash.
      const b = new DiagramBuilder();
      b.node('client', { id: 'users', props: { rateRps: rate } });
      b.node('service', { id: 'api', props: QUIET });
      b.node('worker', { id: 'jobs', props: { errorRate: 0, latencyDist: 'constant' } });
      b.chain('users', 'api', 'jobs');
      const run = simulate(b.build(), scenario(30_000, { faults: [nodeFault('crash', 'jobs', 10_000, 20_000)] }));
      const down = run.timeline.find((e) => e.node === 'jobs' && e.text === 'jobs is down');
      expect(down?.t, `${rate}/s`).toBeGreaterThanOrEqual(10_000);
      expect(down!.t).toBeLessThan(10_500);
    }
  });
});
