// Arrivals follow the rate in force: every change of rate (a pattern's step, a spike starting or
// ending, a traffic-spike fault) redraws the pending arrival, and a ramp is followed continuously.
import { describe, expect, it } from 'vitest';
import type { NodeProps } from '../../../src/model';
import { simulate } from '../../../src/sim/simulate';
import type { RecordedRun } from '../../../src/sim/types';
import { DiagramBuilder } from '../../helpers/builders';
import { nodeFault, scenario } from '../../helpers/simScenarios';

function client(props: Partial<NodeProps>) {
  const b = new DiagramBuilder();
  b.node('client', { id: 'users', props });
  b.node('service', { id: 'api', props: { errorRate: 0, latencyMs: 1, latencyDist: 'constant', concurrency: 100_000 } });
  b.edge('users', 'api');
  return b.build();
}

/** Requests the client sent in [from, to) ms, from the per-bucket series. */
function sent(run: RecordedRun, from: number, to: number): number {
  let n = 0;
  for (let b = 0; b < run.buckets; b++) if (b * run.bucketMs >= from && b * run.bucketMs < to) n += run.series.client.requests[b];
  return n;
}

/** Within four standard deviations of a Poisson count: a test that fails about once in 16,000 runs. */
function expectPoisson(count: number, mean: number) {
  expect(Math.abs(count - mean), `${count} against ${mean}`).toBeLessThan(4 * Math.sqrt(mean));
}

describe('arrival rates that change', () => {
  it('a ×100 spike on a 1 request/s client sends its 1,000 requests: the arrival pending at the start is redrawn', () => {
    // Seeds where the gap pending at 10 s is long are the ones a late start loses most in.
    const counts = [1, 2, 3, 4, 5].map((seed) => {
      const d = client({ rateRps: 1, pattern: 'spike', patternFactor: 100, patternStartMs: 10_000, patternDurationMs: 10_000 });
      return sent(simulate(d, scenario(30_000, { seed, warmupMs: 0 }), { bucketMs: 100 }), 10_000, 20_000);
    });
    expectPoisson(
      counts.reduce((a, b) => a + b, 0),
      5 * 1_000,
    );
  });

  it('a traffic-spike fault redraws the arrival both when it starts and when it ends', () => {
    const d = client({ rateRps: 1 });
    const runs = [11, 12, 13, 14, 15].map((seed) =>
      simulate(d, scenario(40_000, { seed, warmupMs: 0, faults: [nodeFault('trafficSpike', 'users', 10_000, 20_000, { factor: 1_000 })] }), {
        bucketMs: 100,
      }),
    );
    const total = (from: number, to: number) => runs.reduce((n, run) => n + sent(run, from, to), 0);
    expectPoisson(total(10_000, 20_000), 5 * 10_000);
    // The 1,000/s gap drawn just before the end is not kept at 1/s afterwards: 20 s hold about 20 each.
    expectPoisson(total(20_000, 40_000), 5 * 20);
  });

  it('follows a ramp continuously and every step of a staircase', () => {
    const ramp = client({ rateRps: 10, pattern: 'ramp', patternFactor: 50, patternStartMs: 10_000, patternDurationMs: 20_000 });
    const run = simulate(ramp, scenario(40_000, { seed: 3, warmupMs: 0 }), { bucketMs: 100 });
    // From 10/s to 500/s over 20 s: the mean rate is 255/s, and in the first half 132.5/s.
    expectPoisson(sent(run, 10_000, 30_000), 255 * 20);
    expectPoisson(sent(run, 10_000, 20_000), 132.5 * 10);
    const steps = client({ rateRps: 100, pattern: 'steps', patternFactor: 5, patternStartMs: 8_000, patternDurationMs: 16_000 });
    const stepped = simulate(steps, scenario(30_000, { seed: 4, warmupMs: 0 }), { bucketMs: 100 });
    // Four steps of 4 s: 200, 300, 400 and 500 per second.
    for (const [k, rate] of [200, 300, 400, 500].entries()) expectPoisson(sent(stepped, 8_000 + k * 4_000, 12_000 + k * 4_000), rate * 4);
  });

  it('a client whose rate is zero until a spike sends nothing before and everything during it', () => {
    const d = client({ rateRps: 0 });
    const run = simulate(d, scenario(30_000, { warmupMs: 0, faults: [nodeFault('trafficSpike', 'users', 10_000, 20_000, { factor: 5 })] }), { bucketMs: 100 });
    // 0 × 5 is still 0: nothing at all, and no event every 100 ms while waiting.
    expect(run.summary.clients[0].requests).toBe(0);
    expect(run.stats.events).toBeLessThan(400);
  });
});
