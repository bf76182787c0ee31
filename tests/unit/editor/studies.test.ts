// Studies through the Editor, as the Studies panel runs them: replications, sweeps, hysteresis,
// comparisons and drill outcomes over seeds, kept in the library, with cancel.
import { describe, expect, it } from 'vitest';
import { seedSensitive } from '../../../src/editor/studies';
import { TestEditor } from '../../../src/editor/TestEditor';
import { createScenario } from '../../../src/model';
import { fault, threeTier } from '../../helpers/builders';

function shop(): TestEditor {
  const { diagram, db } = threeTier();
  diagram.scenarios.push(createScenario('Quiet', { id: 'quiet', durationMs: 8_000, warmupMs: 1_000 }));
  diagram.scenarios.push(createScenario('DB hangs', { id: 'hang', durationMs: 8_000, warmupMs: 1_000, faults: [fault('hang', db, 3_000, 6_000)] }));
  const e = new TestEditor(diagram);
  e.ui.getState().setActiveScenario('quiet');
  return e;
}

describe('studies', () => {
  it('replicates the active scenario over seeds, with every figure’s interval, and keeps it with the diagram', async () => {
    const e = shop();
    const study = await e.studies.replicate(4);
    expect(study?.result.kind).toBe('replication');
    if (study?.result.kind !== 'replication') return;
    expect(study.result.replicated.seeds).toHaveLength(4);
    const users = study.result.replicated.clients[0];
    expect(users.successRatio.n).toBe(4);
    expect(users.successRatio.half).toBeGreaterThanOrEqual(0);
    expect((await e.memory.studies.list(e.diagram.id)).map((s) => s.id)).toEqual([study.id]);
    expect(e.studies.store.getState().shown?.id).toBe(study.id);
    expect(e.ui.getState().dockTab).toBe('studies');
    expect(e.studies.store.getState().running).toBeNull();
  });

  it('sweeps a client’s load and finds where the API tips over', async () => {
    const e = shop();
    const study = await e.studies.loadSweep({ clientId: 'client', fromRps: 500, toRps: 9_500, steps: 4, seeds: 2 });
    if (study?.result.kind !== 'load') throw new Error('not a load sweep');
    expect(study.result.points.map((p) => p.x)).toEqual([500, 3_500, 6_500, 9_500]);
    // The API's 150 slots, each busy about 25 ms a request, take some 6,000 requests a second.
    expect(study.result.points[0].success.mean).toBeGreaterThan(0.99);
    expect(study.result.points[3].success.mean).toBeLessThan(0.9);
    // Success falls off between 3,500 and 6,500 requests a second.
    expect(study.result.knee?.between).toEqual([3_500, 6_500]);
    expect(await e.studies.loadSweep({ clientId: 'client', fromRps: 100, toRps: 200, steps: 1, seeds: 2 })).toBeNull();
    expect(e.ui.getState().toasts.at(-1)?.message).toBe('A sweep takes 2 to 50 steps.');
  });

  it('runs a hysteresis climb as one kept run and says whether the system came back', async () => {
    const e = shop();
    const study = await e.studies.hysteresis({ clientId: 'client', baseRps: 100, peakRps: 400, steps: 2, stepMs: 2_000 });
    if (study?.result.kind !== 'hysteresis') throw new Error('not a hysteresis study');
    expect(study.result.result.steps.map((s) => s.load)).toEqual([100, 250, 400, 250, 100]);
    expect(study.result.result.recovers).toBe(true);
    // The climb is a run of its own, open in the player and kept.
    expect(e.playback.getState().run?.durationMs).toBe(10_000);
    expect(study.result.runId).toBe(e.playback.getState().runId);
  });

  it('says whether two scenarios differ beyond the noise', async () => {
    const e = shop();
    const [quiet, hang] = e.diagram.scenarios;
    const compared = await e.studies.compareOverSeeds(quiet, hang, 4);
    expect(compared?.[0].verdict).toBe('beyond the noise');
    expect(compared![0].b.mean).toBeLessThan(compared![0].a.mean);
    const same = await e.studies.compareOverSeeds(quiet, { ...quiet, id: 'quiet-again' }, 4);
    expect(same?.[0].verdict).toBe('within the noise');
  });

  it('counts in how many seeds each outcome held, and calls a drill seed-sensitive under 95%', async () => {
    const e = shop();
    const hang = e.diagram.scenarios[1];
    const outcomes = await e.studies.outcomesOverSeeds(
      e.diagram,
      hang,
      [
        { what: 'success', of: 'client', fromMs: 3_000, toMs: 6_000, below: 0.9 },
        { what: 'success', of: 'client', fromMs: 3_000, toMs: 6_000, above: 0.99 },
      ],
      ['success under 90%', 'success above 99%'],
      4,
    );
    expect(outcomes?.map((o) => [o.held, o.of])).toEqual([
      [4, 4],
      [0, 4],
    ]);
    expect(seedSensitive(outcomes!)).toBe(true);
    expect(seedSensitive(outcomes!.slice(0, 1))).toBe(false);
  });

  it('cancels a study: nothing kept, and another may start', async () => {
    const e = shop();
    const started = e.studies.replicate(20);
    e.studies.cancel();
    expect(await started).toBeNull();
    expect(await e.memory.studies.list(e.diagram.id)).toEqual([]);
    expect(e.ui.getState().toasts.at(-1)?.message).toMatch(/cancelled$/);
    expect(await e.studies.replicate(2)).not.toBeNull();
  });
});
