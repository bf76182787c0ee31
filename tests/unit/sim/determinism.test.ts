import { describe, expect, it } from 'vitest';
import { runToJson } from '../../../src/sim/serialize';
import { simulate } from '../../../src/sim/simulate';
import { BACKOFF_AND_BREAKER, retryStorm } from '../../helpers/retryStorm';

describe('determinism', () => {
  it('gives byte-identical JSON for the same diagram, scenario and seed, and another run for another seed', () => {
    const { diagram, scenario } = retryStorm(BACKOFF_AND_BREAKER);
    const a = runToJson(simulate(diagram, scenario));
    const b = runToJson(simulate(structuredClone(diagram), structuredClone(scenario)));
    expect(a.length).toBeGreaterThan(10_000);
    expect(b).toBe(a);
    const c = runToJson(simulate(diagram, scenario, { seed: scenario.seed + 1 }));
    expect(c).not.toBe(a);
  });

  it('keeps wall time out of the JSON unless asked', () => {
    const { diagram, scenario } = retryStorm(BACKOFF_AND_BREAKER);
    const run = simulate(diagram, { ...scenario, durationMs: 10_000, faults: [] });
    expect(JSON.parse(runToJson(run)).stats).toEqual({ events: run.stats.events, requests: run.stats.requests });
    expect(JSON.parse(runToJson(run, { timing: true })).stats.wallMs).toBeGreaterThan(0);
  });
});
