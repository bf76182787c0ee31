// The engine against queueing theory. Each run is long enough that sampling error is well
// inside the tolerance the issue sets; the seed is fixed, so each result is also reproducible.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/simulate';
import { erlangC } from '../../../src/sim/theory';
import { scenario, station } from '../../helpers/simScenarios';

function relativeError(measured: number, expected: number): number {
  return Math.abs(measured - expected) / expected;
}

describe('the engine against queueing theory', () => {
  it.each([0.5, 0.9])('M/M/1 mean response time is 1/(μ-λ) within 5 percent at utilisation %s', (rho) => {
    const mu = 1; // per ms: mean service 1 ms
    const lambda = rho * mu;
    const customers = rho === 0.9 ? 2_500_000 : 600_000;
    const { diagram } = station({ rateRps: lambda * 1000, serviceMs: 1 / mu, servers: 1, dist: 'exponential' });
    const run = simulate(diagram, scenario(customers / lambda));
    const server = run.summary.nodes.find((n) => n.id === 'server')!;
    expect(relativeError(server.meanResponseMs, 1 / (mu - lambda))).toBeLessThan(0.05);
    expect(relativeError(server.utilisation, rho)).toBeLessThan(0.02);
  });

  it('M/M/c mean queue wait matches Erlang C within 5%', () => {
    const c = 4;
    const mu = 0.5; // mean service 2 ms
    const lambda = 1.6; // per ms: a = 3.2, ρ = 0.8
    const a = lambda / mu;
    const expected = erlangC(c, a) / (c * mu - lambda);
    const { diagram } = station({ rateRps: lambda * 1000, serviceMs: 1 / mu, servers: c, dist: 'exponential' });
    const run = simulate(diagram, scenario(1_000_000 / lambda));
    const server = run.summary.nodes.find((n) => n.id === 'server')!;
    expect(relativeError(server.meanQueueWaitMs, expected)).toBeLessThan(0.05);
  });

  it('M/M/1/K: admitted requests take the textbook time; refusals are reported apart, not averaged in at 0 ms', () => {
    const mu = 1; // per ms
    const rho = 0.9;
    const K = 10; // one in service and up to nine waiting
    const lambda = rho * mu;
    const pK = ((1 - rho) * rho ** K) / (1 - rho ** (K + 1));
    const L = rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1));
    const W = L / (lambda * (1 - pK));
    const { diagram } = station({ rateRps: lambda * 1000, serviceMs: 1 / mu, servers: 1, dist: 'exponential' });
    diagram.nodes.find((n) => n.id === 'server')!.props.queueLimit = K - 1;
    const run = simulate(diagram, scenario(1_000_000 / lambda));
    const server = run.summary.nodes.find((n) => n.id === 'server')!;
    const client = run.summary.clients[0];
    expect(relativeError(server.meanResponseMs, W)).toBeLessThan(0.03);
    expect(relativeError(server.failures.overloaded / server.arrivals, pK)).toBeLessThan(0.05);
    // Over all finished requests the refusals pull the mean down by about the share refused.
    expect(relativeError(server.meanResponseAllMs, W * (1 - pK))).toBeLessThan(0.03);
    expect(client.latency.mean).toBeGreaterThan(client.latencyAll.mean);
    expect(client.failuresByCause!.overloaded).toBe(client.failures);
  });

  it('M/D/1 mean queue wait matches Pollaczek-Khinchine within 5%', () => {
    const service = 1; // ms, constant
    const rho = 0.7;
    const lambda = rho / service;
    const expected = (rho * service) / (2 * (1 - rho));
    const { diagram } = station({ rateRps: lambda * 1000, serviceMs: service, servers: 1, dist: 'constant' });
    const run = simulate(diagram, scenario(800_000 / lambda));
    const server = run.summary.nodes.find((n) => n.id === 'server')!;
    expect(relativeError(server.meanQueueWaitMs, expected)).toBeLessThan(0.05);
  });

  it("obeys Little's law at every node within 2%", () => {
    const { diagram } = station({ rateRps: 2500, serviceMs: 1, servers: 3, dist: 'lognormal' });
    diagram.nodes.find((n) => n.id === 'server')!.props.latencyP99Ms = 6;
    const run = simulate(diagram, scenario(300_000));
    const span = (run.summary.toMs - run.summary.fromMs) / 1000;
    const server = run.summary.nodes.find((n) => n.id === 'server')!;
    const lambdaPerMs = server.arrivals / (span * 1000);
    // Little's law counts every request in the system: all finished ones, failed or not.
    expect(relativeError(server.meanInSystem, lambdaPerMs * server.meanResponseAllMs)).toBeLessThan(0.02);
  });

  it('makes (1 - p^(r+1)) / (1 - p) attempts per call with failure probability p and r retries, within 2%', () => {
    const p = 0.3;
    const r = 3;
    const { diagram } = station({ rateRps: 2000, serviceMs: 0.1, servers: 50, dist: 'constant', errorRate: p, call: { maxAttempts: r + 1, backoffMs: 0 } });
    const run = simulate(diagram, scenario(200_000));
    const edge = run.summary.edges[0];
    expect(relativeError(edge.meanAttempts, (1 - p ** (r + 1)) / (1 - p))).toBeLessThan(0.02);
    // And the calls that still fail are those whose every attempt failed: p^(r+1).
    expect(relativeError(edge.failures / edge.calls, p ** (r + 1))).toBeLessThan(0.1);
  });
});
