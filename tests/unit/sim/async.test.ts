import { describe, expect, it } from 'vitest';
import { runToJson } from '../../../src/sim/serialize';
import { simulate, simulateAsync, SimulationCancelled } from '../../../src/sim/simulate';
import { BACKOFF_AND_BREAKER, retryStorm } from '../../helpers/retryStorm';

describe('simulating in slices (the worker path)', () => {
  it('reports rising progress and gives the same run as simulate()', async () => {
    const { diagram, scenario } = retryStorm(BACKOFF_AND_BREAKER);
    const progress: number[] = [];
    const run = await simulateAsync(diagram, scenario, { slice: 5_000, onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(1);
    expect(runToJson(run)).toBe(runToJson(simulate(diagram, scenario)));
  });

  it('stops when cancelled', async () => {
    const { diagram, scenario } = retryStorm(BACKOFF_AND_BREAKER);
    let slices = 0;
    await expect(simulateAsync(diagram, scenario, { slice: 1_000, onProgress: () => slices++, isCancelled: () => slices >= 3 })).rejects.toBeInstanceOf(
      SimulationCancelled,
    );
    expect(slices).toBe(3);
  });
});
