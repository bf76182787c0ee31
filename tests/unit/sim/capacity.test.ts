// The capacity check against utilisations worked out by hand, and the textbook figures against
// the formulas (and against the engine, which the theory tests already hold to them).
import { describe, expect, it } from 'vitest';
import { createScenario } from '../../../src/model';
import { capacityCheck, expectedAttempts } from '../../../src/sim/capacity';
import { simulate } from '../../../src/sim/simulate';
import { nodeTheory, queueFigures } from '../../../src/sim/theory';
import { DiagramBuilder } from '../../helpers/builders';
import { scenario, station } from '../../helpers/simScenarios';

function shop() {
  const b = new DiagramBuilder('Shop');
  b.node('client', { id: 'users', props: { rateRps: 200 } });
  // Holds its slot while it calls: 20 ms of its own, then the cache, then (on a miss) the database.
  b.node('service', { id: 'api', props: { replicas: 3, concurrency: 10, latencyDist: 'exponential', latencyMs: 20, errorRate: 0 } });
  b.node('cache', {
    id: 'cache',
    props: { replicas: 1, concurrency: 100, latencyDist: 'constant', latencyMs: 1, hitRatio: 0.75, blocking: true, errorRate: 0 },
  });
  b.node('database', { id: 'db', props: { replicas: 1, concurrency: 10, latencyDist: 'constant', latencyMs: 10, errorRate: 0.1 } });
  b.edge('users', 'api');
  b.edge('api', 'cache', { call: { networkMs: 1 } });
  b.edge('cache', 'db', { call: { networkMs: 1, maxAttempts: 3 } });
  return b.build();
}

describe('the capacity check', () => {
  it('carries the rate along hit ratios and retries, and the busy time up through blocking callers', () => {
    const rows = capacityCheck(shop(), createScenario())!;
    const row = (id: string) => rows.find((r) => r.id === id)!;
    // Misses: 200 × 0.25 = 50/s, each tried (1 - 0.1³) / (1 - 0.1) = 1.11 times on a database failing 10%.
    expect(expectedAttempts(0.1, 3)).toBeCloseTo(1.11, 10);
    expect(row('db').arrivalRps).toBeCloseTo(55.5, 6);
    expect(row('db').utilisation).toBeCloseTo((55.5 * 10) / 1000 / 10, 6);
    // The cache holds its slot 1 ms, and on a quarter of requests 1.11 × (2 ms there and back + 10 ms).
    const cacheHold = 1 + 0.25 * 1.11 * (2 + 10);
    expect(row('cache').holdingMs).toBeCloseTo(cacheHold, 6);
    // The API: 20 ms, then the cache with its network.
    const apiHold = 20 + (2 + cacheHold);
    expect(row('api').holdingMs).toBeCloseTo(apiHold, 6);
    expect(row('api').utilisation).toBeCloseTo((200 * apiHold) / 1000 / 30, 6);
    expect(rows.filter((r) => r.over).map((r) => r.id)).toEqual([]);
    // At 2,000 requests a second the API's 30 slots are past 70%: flagged before anything runs.
    const busy = capacityCheck(shop(), createScenario(), { users: 2_000 })!;
    expect(busy.filter((r) => r.over).map((r) => r.id)).toEqual(['api']);
  });

  it('leaves queues and streams unflagged: they buffer rather than saturate', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'u', props: { rateRps: 1_000 } });
    b.node('queue', { id: 'q' });
    b.node('worker', { id: 'w', props: { replicas: 1, concurrency: 1, latencyDist: 'constant', latencyMs: 10 } });
    b.chain('u', 'q', 'w');
    const rows = capacityCheck(b.build(), createScenario())!;
    expect(rows.find((r) => r.id === 'q')!.utilisation).toBeNull();
    expect(rows.find((r) => r.id === 'w')!.utilisation).toBeCloseTo(10, 6);
  });
});

describe('textbook figures', () => {
  it('M/M/1, M/M/c and M/D/1 by their formulas', () => {
    const mm1 = queueFigures(500, 1, 1, true);
    expect(mm1.model).toBe('M/M/c');
    expect(mm1.utilisation).toBeCloseTo(0.5, 10);
    expect(mm1.responseMs).toBeCloseTo(2, 10);
    // M/M/2 with a = 1: Erlang C = 1/3, so Wq = (1/3) / (2 000 − 1 000) s = 1/3 ms.
    const mm2 = queueFigures(1_000, 2, 1, true);
    expect(mm2.waitMs).toBeCloseTo(1 / 3, 10);
    expect(mm2.responseMs).toBeCloseTo(4 / 3, 10);
    const md1 = queueFigures(700, 1, 1, false);
    expect(md1.waitMs).toBeCloseTo(0.7 / (2 * 0.3), 10);
    expect(queueFigures(2_000, 1, 1, true).responseMs).toBe(Infinity);
  });

  it('finds a textbook node in a diagram and matches what the engine measures there', () => {
    const { diagram } = station({ rateRps: 1_600, serviceMs: 2, servers: 4, dist: 'exponential' });
    const theory = nodeTheory(diagram, createScenario(), 'server');
    if ('why' in theory) throw new Error(theory.why);
    expect(theory.utilisation).toBeCloseTo(0.8, 10);
    const run = simulate(diagram, scenario(400_000));
    const server = run.summary.nodes.find((n) => n.id === 'server')!;
    expect(Math.abs(server.meanQueueWaitMs - theory.waitMs) / theory.waitMs).toBeLessThan(0.08);
  });

  it('says why a node is not a textbook queue', () => {
    const d = shop();
    expect(nodeTheory(d, createScenario(), 'api')).toEqual({ why: 'it holds its slot while it calls downstream' });
    expect(nodeTheory(d, createScenario(), 'db')).toEqual({ why: 'its callers retry (retries are not Poisson arrivals)' });
  });
});
