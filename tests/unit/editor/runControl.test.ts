// Stored runs through the Editor, as the Runs panel uses them: naming one names it everywhere.
import { describe, expect, it } from 'vitest';
import { runTitle } from '../../../src/playback/runTitle';
import { TestEditor } from '../../../src/editor/TestEditor';
import { createScenario } from '../../../src/model';
import { fault, threeTier } from '../../helpers/builders';

async function withStoredRun(): Promise<{ e: TestEditor; id: string }> {
  const { diagram, db } = threeTier();
  diagram.scenarios.push(createScenario('DB hang', { id: 's1', durationMs: 10_000, warmupMs: 1_000, faults: [fault('hang', db, 3_000, 6_000)] }));
  const e = new TestEditor(diagram);
  await e.runs.run();
  const id = e.playback.getState().runId;
  expect(id).not.toBeNull();
  return { e, id: id! };
}

describe('naming a run', () => {
  it('names the stored run and the open one; the name comes back when the run is opened again', async () => {
    const { e, id } = await withStoredRun();
    await e.runs.rename(id, '  Before   the breaker ');
    const pb = e.playback.getState();
    expect(pb.runName).toBe('Before the breaker');
    expect(runTitle(pb.run!, pb.runName)).toBe('Before the breaker');
    const runs = (await e.storageReady).runs!;
    expect((await runs.list(e.diagram.id))[0].name).toBe('Before the breaker');
    pb.close();
    await e.runs.openStored(id);
    expect(e.playback.getState().runName).toBe('Before the breaker');
  });

  it('goes back to the scenario’s name when the name is cleared, and cuts a long one with a message', async () => {
    const { e, id } = await withStoredRun();
    await e.runs.rename(id, 'x'.repeat(300));
    expect(e.playback.getState().runName).toHaveLength(200);
    expect(e.ui.getState().toasts.at(-1)?.message).toBe('Run name was cut to 200 characters');
    await e.runs.rename(id, '');
    const pb = e.playback.getState();
    expect(pb.runName).toBeNull();
    expect(runTitle(pb.run!, pb.runName)).toBe(pb.run!.scenarioName);
  });
});
