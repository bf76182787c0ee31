import { describe, expect, it } from 'vitest';
import { Library, NewerDataError } from '../../../src/persistence/library';
import { DATA_VERSION } from '../../../src/persistence/records';
import { RunStore } from '../../../src/persistence/runs';
import { simulate } from '../../../src/sim/simulate';
import { DiagramBuilder, fault, threeTier } from '../../helpers/builders';
import { testDb } from '../../helpers/testDb';

function withScenario() {
  const { diagram } = threeTier();
  diagram.id = 'd_shop';
  diagram.scenarios.push({
    id: 's1',
    name: 'DB hangs',
    seed: 3,
    durationMs: 10_000,
    warmupMs: 1_000,
    traffic: { client: { rateRps: 50 } },
    faults: [fault('hang', 'db', 2_000, 5_000)],
  });
  return diagram;
}

describe('the library', () => {
  it('stores a diagram with its scenarios, and loads it back whole', async () => {
    const lib = new Library(testDb());
    const d = withScenario();
    const { diagram, revision } = await lib.create(d);
    expect(revision).toBe(1);
    const loaded = await lib.load(diagram.id);
    expect(loaded!.revision).toBe(1);
    expect(loaded!.diagram.nodes).toEqual(d.nodes);
    expect(loaded!.diagram.edges).toEqual(d.edges);
    expect(loaded!.diagram.scenarios).toEqual(d.scenarios);
    expect(loaded!.repaired).toBe(0);
    expect(await lib.load('nope')).toBeNull();
  });

  it('lists diagrams newest first with their counts, without their documents', async () => {
    let now = 1_000;
    const lib = new Library(testDb(), () => now);
    await lib.create({ ...threeTier().diagram, id: 'a', name: 'Older' });
    now = 2_000;
    await lib.create({ ...new DiagramBuilder('Newer').build(), id: 'b' });
    const list = await lib.list();
    expect(list.map((d) => d.name)).toEqual(['Newer', 'Older']);
    expect(list[1]).toMatchObject({ nodeCount: 3, edgeCount: 2, kindCounts: { client: 1, service: 1, database: 1 } });
    expect('doc' in list[0]).toBe(false);
  });

  it('saves only on top of the revision it started from, and reports a conflict otherwise', async () => {
    const lib = new Library(testDb());
    const { diagram } = await lib.create(withScenario());
    const first = await lib.save({ ...diagram, name: 'From tab A' }, 1);
    expect(first).toEqual({ ok: true, revision: 2 });
    // Tab B still thinks revision 1 is current: it must not write over revision 2.
    const stale = await lib.save({ ...diagram, name: 'From tab B' }, 1);
    expect(stale).toEqual({ ok: false, conflict: 2 });
    expect((await lib.load(diagram.id))!.diagram.name).toBe('From tab A');
  });

  it('drops removed scenarios on save', async () => {
    const lib = new Library(testDb());
    const { diagram } = await lib.create(withScenario());
    await lib.save({ ...diagram, scenarios: [] }, 1);
    expect((await lib.load(diagram.id))!.diagram.scenarios).toEqual([]);
    expect(await lib.db.scenarios.count()).toBe(0);
  });

  it('renames, duplicates with a fresh id, and gives a new id when asked to create a taken one', async () => {
    const lib = new Library(testDb());
    const { diagram } = await lib.create(withScenario());
    await lib.rename(diagram.id, '  Checkout v2 ');
    expect((await lib.load(diagram.id))!.diagram.name).toBe('Checkout v2');
    const copyId = await lib.duplicate(diagram.id);
    expect(copyId).not.toBe(diagram.id);
    const copy = (await lib.load(copyId!))!.diagram;
    expect(copy.name).toBe('Checkout v2 (copy)');
    expect(copy.scenarios).toHaveLength(1);
    const again = await lib.create({ ...diagram });
    expect(again.diagram.id).not.toBe(diagram.id);
  });

  it('deletes a diagram with its scenarios and runs, and undoes the delete exactly', async () => {
    const db = testDb();
    const lib = new Library(db);
    const runs = new RunStore(db);
    const { diagram } = await lib.create(withScenario());
    const run = await runs.add(diagram.id, simulate(diagram, diagram.scenarios[0]));
    const deleted = await lib.delete(diagram.id);
    expect(await lib.load(diagram.id)).toBeNull();
    expect(await runs.list(diagram.id)).toEqual([]);
    await lib.restore(deleted!);
    expect((await lib.load(diagram.id))!.diagram.scenarios).toHaveLength(1);
    expect((await runs.list(diagram.id)).map((r) => r.id)).toEqual([run.id]);
    expect((await runs.get(run.id))!.run.summary.clients[0].requests).toBeGreaterThan(0);
  });

  it('refuses to read or write over data written by a newer version of the app', async () => {
    const lib = new Library(testDb());
    const { diagram } = await lib.create(withScenario());
    const record = (await lib.db.diagrams.get(diagram.id))!;
    await lib.db.diagrams.put({ ...record, writtenBy: DATA_VERSION + 1 });
    await expect(lib.load(diagram.id)).rejects.toBeInstanceOf(NewerDataError);
    await expect(lib.save(diagram, record.revision)).rejects.toBeInstanceOf(NewerDataError);
  });

  it('keeps settings such as the last open diagram', async () => {
    const lib = new Library(testDb());
    await lib.setSetting('lastOpenDiagram', 'd_1');
    expect(await lib.getSetting('lastOpenDiagram')).toBe('d_1');
  });
});
