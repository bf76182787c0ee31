// Replications and sweeps on systems whose answer is known: an M/M/1 queue swept over load
// against 1/(μ-λ), and a retry storm that must not come back when the load does.
import { describe, expect, it } from 'vitest';
import { aggregate, replicationSeeds } from '../../../src/sim/replicate';
import { runJobsHere } from '../../../src/sim/runPlanned';
import { analyseHysteresis, findKnee, planHysteresis, planLoadSweep, planParameterSweep, SweepError, sweepPoints } from '../../../src/sim/sweep';
import { createScenario } from '../../../src/model';
import { DiagramBuilder } from '../../helpers/builders';
import { scenario, station } from '../../helpers/simScenarios';

describe('replications', () => {
  it('gives every summary figure a mean and a 95% interval over the seeds, and bands over time', async () => {
    const { diagram } = station({ rateRps: 500, serviceMs: 1, servers: 1, dist: 'exponential' });
    const s = scenario(20_000, { seed: 5 });
    const seeds = replicationSeeds(s.seed, 8);
    expect(seeds[0]).toBe(5);
    expect(new Set(seeds).size).toBe(8);
    const digests = await runJobsHere(seeds.map((seed) => ({ diagram, scenario: s, seed })));
    const r = aggregate(digests);
    const server = r.nodes.find((n) => n.id === 'server')!;
    // M/M/1 at ρ = 0.5: W = 2 ms, inside the interval (about 95 times in 100), which is narrow.
    expect(Math.abs(server.meanResponseMs.mean - 2)).toBeLessThan(server.meanResponseMs.half * 1.5);
    expect(server.meanResponseMs.half).toBeLessThan(0.15);
    expect(server.utilisation.mean).toBeCloseTo(0.5, 1);
    const band = r.clients[0].successBand;
    expect(band.mean.length).toBe(r.buckets);
    for (let b = 0; b < r.buckets; b++) expect(band.lo[b]).toBeLessThanOrEqual(band.hi[b]);
  });
});

describe('load sweeps', () => {
  it('follows 1/(μ-λ) for an M/M/1 queue and puts the knee where p99 triples', async () => {
    const { diagram, client } = station({ rateRps: 100, serviceMs: 1, servers: 1, dist: 'exponential' });
    const s = scenario(60_000, { seed: 2, warmupMs: 2_000 });
    const { xs, runs } = planLoadSweep(diagram, s, { clientId: client, fromRps: 100, toRps: 850, steps: 6, seeds: 3 });
    expect(xs).toEqual([100, 250, 400, 550, 700, 850]);
    const digests = await runJobsHere(runs);
    const points = sweepPoints(
      xs,
      runs.map((r, i) => ({ point: r.point, digest: digests[i] })),
      client,
    );
    for (const p of points) {
      const lambda = p.x / 1000;
      expect(Math.abs(p.meanMs.mean - 1 / (1 - lambda)) / (1 / (1 - lambda)), `λ = ${lambda}`).toBeLessThan(0.08);
    }
    // p99 of M/M/1 response is ln(100)/(μ-λ): three times its value at λ = 0.1 where 1-λ = 0.9/3, λ = 0.7.
    const knee = findKnee(points)!;
    // Theory puts it at 700 exactly: it falls in the bracket found, which is one step wide.
    expect(knee.between[0]).toBeLessThanOrEqual(700);
    expect(knee.between[1]).toBeGreaterThanOrEqual(700);
    expect(knee.between[1] - knee.between[0]).toBe(150);
    expect(knee.at).toBeGreaterThan(640);
    expect(knee.at).toBeLessThan(760);
  });

  it('sweeps one property of a node and refuses values its field would refuse', () => {
    const { diagram, server } = station({ rateRps: 100, serviceMs: 1, servers: 1, dist: 'exponential' });
    const s = scenario(10_000);
    const { runs } = planParameterSweep(diagram, s, { target: { type: 'node', id: server }, field: 'concurrency', values: [1, 2, 4], seeds: 2 });
    expect(runs.map((r) => r.diagram.nodes.find((n) => n.id === server)!.props.concurrency)).toEqual([1, 1, 2, 2, 4, 4]);
    expect(() => planParameterSweep(diagram, s, { target: { type: 'node', id: server }, field: 'concurrency', values: [1, -3], seeds: 2 })).toThrow(SweepError);
    expect(() => planParameterSweep(diagram, s, { target: { type: 'node', id: server }, field: 'latencyDist', values: [1, 2], seeds: 2 })).toThrow(
      /not a number/,
    );
  });
});

/** A server with room for 1,000 requests a second behind callers that time out at 200 ms and retry at once. */
function retryStorm() {
  const b = new DiagramBuilder('Retry storm');
  const users = b.node('client', { id: 'users', props: { rateRps: 600 } });
  const api = b.node('service', {
    id: 'api',
    props: { replicas: 1, concurrency: 10, latencyDist: 'exponential', latencyMs: 10, errorRate: 0, queueLimit: 100_000 },
  });
  b.edge(users, api, { call: { timeoutMs: 200, maxAttempts: 4, backoffMs: 0, networkMs: 0 } });
  return b.build();
}

describe('hysteresis', () => {
  it('a retry storm stays collapsed after the load falls back: metastable', async () => {
    const d = retryStorm();
    const plan = planHysteresis(d, createScenario('Storm', { seed: 4, warmupMs: 1_000 }), {
      clientId: 'users',
      baseRps: 600,
      peakRps: 1_200,
      steps: 3,
      stepMs: 8_000,
    });
    expect(plan.loads).toEqual([600, 800, 1000, 1200, 1000, 800, 600]);
    const [digest] = await runJobsHere([{ diagram: d, scenario: plan.scenario, seed: plan.scenario.seed }]);
    const result = analyseHysteresis(plan.loads, 8_000, digest);
    expect(result.steps[0].success).toBeGreaterThan(0.99);
    expect(result.recovers).toBe(false);
    expect(result.verdict).toMatch(/^Stays collapsed: back at 600 req\/s/);
  });

  it('the same server without retries comes back with the load', async () => {
    const d = retryStorm();
    d.edges[0].call.maxAttempts = 1;
    const plan = planHysteresis(d, createScenario('No retries', { seed: 4, warmupMs: 1_000 }), {
      clientId: 'users',
      baseRps: 600,
      peakRps: 1_200,
      steps: 3,
      stepMs: 8_000,
    });
    const [digest] = await runJobsHere([{ diagram: d, scenario: plan.scenario, seed: 4 }]);
    const result = analyseHysteresis(plan.loads, 8_000, digest);
    expect(result.recovers).toBe(true);
    expect(result.verdict).toMatch(/^Recovers/);
  });
});
