import { describe, expect, it } from 'vitest';
import { RunStore, runSize } from '../../../src/persistence/runs';
import { simulate } from '../../../src/sim/simulate';
import { threeTier } from '../../helpers/builders';
import { scenario } from '../../helpers/simScenarios';
import { testDb } from '../../helpers/testDb';

const small = (() => {
  const { diagram } = threeTier();
  return simulate(diagram, scenario(5_000));
})();

describe('recorded runs in storage', () => {
  it('keeps at most the per-diagram count, evicting the oldest, never a pinned run', async () => {
    let now = 0;
    const runs = new RunStore(testDb(), { perDiagram: 3, totalBytes: Infinity }, () => ++now);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await runs.add('d1', small)).id);
    await runs.pin(ids[0], true);
    for (let i = 0; i < 3; i++) ids.push((await runs.add('d1', small)).id);
    const kept = (await runs.list('d1')).map((r) => r.id);
    // The pinned oldest survives; of the unpinned, the newest three do.
    expect(kept.sort()).toEqual([ids[0], ids[3], ids[4], ids[5]].sort());
    expect(await runs.get(ids[1])).toBeUndefined();
    await runs.add('d2', small);
    expect(await runs.list('d1')).toHaveLength(4);
  });

  it('keeps the total size under its cap across diagrams, oldest first', async () => {
    let now = 0;
    const size = runSize(small);
    const runs = new RunStore(testDb(), { perDiagram: 100, totalBytes: size * 2.5 }, () => ++now);
    const a = await runs.add('d1', small);
    const b = await runs.add('d2', small);
    await runs.pin(a.id, true);
    const c = await runs.add('d3', small);
    expect((await runs.list('d1')).map((r) => r.id)).toEqual([a.id]);
    expect(await runs.list('d2')).toEqual([]);
    expect((await runs.list('d3')).map((r) => r.id)).toEqual([c.id]);
    void b;
  });

  it('stores the run body apart and gives it back with its typed arrays intact', async () => {
    const runs = new RunStore(testDb());
    const r = await runs.add('d1', small);
    expect(r.sizeBytes).toBeGreaterThan(1000);
    expect(r.successRatio).toBeGreaterThan(0.9);
    const back = (await runs.get(r.id))!.run;
    expect(back.series.node.arrivals).toBeInstanceOf(Float32Array);
    expect(Array.from(back.series.node.arrivals)).toEqual(Array.from(small.series.node.arrivals));
    await runs.delete(r.id);
    expect(await runs.get(r.id)).toBeUndefined();
  });

  it('keeps the name a person gives a run, and forgets it when they clear it', async () => {
    const runs = new RunStore(testDb());
    const { id } = await runs.add('d1', small);
    await runs.rename(id, 'Before the breaker');
    expect((await runs.list('d1'))[0].name).toBe('Before the breaker');
    expect((await runs.get(id))?.name).toBe('Before the breaker');
    await runs.rename(id, '');
    expect((await runs.list('d1'))[0]).not.toHaveProperty('name');
    expect((await runs.get(id))?.name).toBeUndefined();
  });
});
