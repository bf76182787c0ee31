// Shortcuts: in every state the editor can be in, no two available commands claim one key at the
// same priority, and where several may take a key, the one that should does.
import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../../src/editor/TestEditor';
import { createScenario } from '../../../src/model';
import { fault, threeTier } from '../../helpers/builders';

type State = [name: string, make: () => Promise<TestEditor> | TestEditor];

function hanging(): TestEditor {
  const { diagram, db } = threeTier();
  diagram.scenarios.push(createScenario('Hang', { id: 's1', durationMs: 10_000, warmupMs: 1_000, faults: [fault('hang', db, 2_000, 6_000)] }));
  diagram.templateId = 'payments';
  return new TestEditor(diagram);
}

async function replaying(select: string[] = []): Promise<TestEditor> {
  const e = hanging();
  await e.runs.run();
  return e.select(select);
}

async function running(select: string[] = []): Promise<TestEditor> {
  const e = await replaying(select);
  e.doc.getState().load({ ...e.diagram, scenarios: [createScenario('Long', { id: 'long', durationMs: 3_600_000 })] });
  void e.runs.run();
  return e;
}

const STATES: State[] = [
  ['an empty canvas', () => new TestEditor()],
  ['a diagram, nothing selected', hanging],
  ['one node selected', () => hanging().select(['api'])],
  ['two nodes selected', () => hanging().select(['api', 'db'])],
  ['a connection selected', () => hanging().select([], [hanging().diagram.edges[0].id])],
  [
    'a group selected',
    () => {
      const e = hanging().select(['api', 'db']);
      e.press('Mod+G');
      return e;
    },
  ],
  ['a run open', () => replaying()],
  ['a run open with a node selected', () => replaying(['api'])],
  ['a run going', () => running()],
  ['a run going with a run open and a node selected', () => running(['api'])],
  [
    'a fault selected on its lane',
    () => {
      const e = hanging();
      e.ui.getState().selectFault('f_hang_db_2000');
      return e;
    },
  ],
];

describe('keyboard shortcuts', () => {
  it.each(STATES)('no two available commands claim the same key with %s', async (_, make) => {
    const e = await make();
    expect(e.commands.conflicts(e)).toEqual([]);
  });

  it('would fail on a conflict: the check is not empty by construction', () => {
    const e = new TestEditor();
    e.commands.register([
      { id: 'test.a', label: 'A', shortcuts: ['Shift+Q'], run: () => undefined },
      { id: 'test.b', label: 'B', shortcuts: ['Shift+Q'], run: () => undefined },
    ]);
    expect(e.commands.conflicts(e)).toEqual([{ shortcut: 'Shift+Q', commands: ['test.a', 'test.b'] }]);
  });

  it('gives Escape to a run going first, then to the selection, then to an open replay', async () => {
    const e = await running(['api']);
    expect(e.commands.forKey({ key: 'Escape' }, e)?.id).toBe('sim.cancel');
    e.runs.cancel();
    await expect.poll(() => e.playback.getState().status.kind).toBe('idle');
    expect(e.press('Escape')).toBe(true);
    expect(e.hasSelection()).toBe(false);
    expect(e.playback.getState().run).not.toBeNull();
    expect(e.press('Escape')).toBe(true);
    expect(e.playback.getState().run).toBeNull();
    expect(e.press('Escape')).toBe(false);
  });

  it('reads Mod as Cmd on a Mac and Ctrl elsewhere', () => {
    const e = hanging();
    e.actions.rename('api', 'A');
    expect(e.handleKey({ key: 'z', code: 'KeyZ', metaKey: true })).toBe(false);
    expect(e.handleKey({ key: 'z', code: 'KeyZ', ctrlKey: true })).toBe(true);
    expect(e.node('api')!.label).toBe('API');
  });

  it('matches letters by their physical key, whatever the layout types', () => {
    const e = hanging();
    e.actions.rename('api', 'A');
    // An AZERTY or Cyrillic layout types another character on the Z key.
    expect(e.handleKey({ key: 'я', code: 'KeyZ', ctrlKey: true })).toBe(true);
    expect(e.node('api')!.label).toBe('API');
  });
});
