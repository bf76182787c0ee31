import { describe, expect, it } from 'vitest';
import { Autosaver } from '../../../src/persistence/autosave';
import { channelHub } from '../../../src/persistence/channel';
import { memoryJournal } from '../../../src/persistence/journal';
import { Library } from '../../../src/persistence/library';
import { createDocumentStore } from '../../../src/editor/documentStore';
import { storeActions } from '../../../src/editor/actions';
import { createSaveStatus } from '../../../src/editor/saveStatus';
import { threeTier } from '../../helpers/builders';
import { storageErrors, testDb } from '../../helpers/testDb';

const DELAY = 20;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tab(lib: Library, hub = channelHub(), name = 'tab-a') {
  const store = createDocumentStore();
  const status = createSaveStatus();
  const journal = memoryJournal();
  const reloads: string[] = [];
  let reopened = 0;
  const saver = new Autosaver(
    store,
    {
      save: (d, expected) => lib.save(d, expected),
      reopen: async () => {
        reopened++;
      },
    },
    status,
    {
      delayMs: DELAY,
      journal,
      channel: hub.channel(),
      tab: name,
      reloadFromElsewhere: async (id) => {
        reloads.push(id);
        const loaded = (await lib.load(id))!;
        store.getState().load(loaded.diagram);
        saver.attach(loaded.diagram, loaded.revision);
      },
    },
  );
  return { store, status, journal, saver, reloads, actions: storeActions(store), reopened: () => reopened };
}

async function stored() {
  const db = testDb();
  const lib = new Library(db);
  const { diagram, revision } = await lib.create(threeTier().diagram);
  return { db, lib, diagram, revision };
}

describe('autosave', () => {
  it('writes nothing before the diagram is attached, then saves edits within the delay', async () => {
    const { lib, diagram, revision } = await stored();
    const a = await tab(lib);
    a.store.getState().load(diagram);
    a.actions.rename('api', 'Edited before attach');
    await wait(DELAY * 3);
    expect((await lib.load(diagram.id))!.revision).toBe(1);
    a.saver.attach(a.store.getState().diagram, revision);
    a.actions.rename('api', 'Checkout');
    expect(a.status.getState().state.kind).toBe('pending');
    await wait(DELAY * 3);
    expect(a.status.getState().state.kind).toBe('saved');
    const loaded = (await lib.load(diagram.id))!;
    expect(loaded.revision).toBe(2);
    expect(loaded.diagram.nodes.find((n) => n.id === 'api')!.label).toBe('Checkout');
  });

  it('folds many quick edits into few saves', async () => {
    const { lib, diagram, revision } = await stored();
    const a = await tab(lib);
    a.store.getState().load(diagram);
    a.saver.attach(diagram, revision);
    for (let i = 0; i < 30; i++) a.actions.rename('api', `Name ${i}`);
    await a.saver.saveNow();
    expect((await lib.load(diagram.id))!.revision).toBe(2);
    expect((await lib.load(diagram.id))!.diagram.nodes[1].label).toBe('Name 29');
  });

  it('reports a conflict instead of writing over another tab, and a clean tab reloads theirs', async () => {
    const { lib, diagram, revision } = await stored();
    const hub = channelHub();
    const a = await tab(lib, hub, 'a');
    const b = await tab(lib, hub, 'b');
    const c = await tab(lib, hub, 'c');
    for (const t of [a, b, c]) {
      t.store.getState().load(diagram);
      t.saver.attach(diagram, revision);
    }
    // A and B both edit; C does not.
    a.actions.rename('api', 'From A');
    b.actions.rename('db', 'From B');
    await a.saver.saveNow();
    // B hears of A's save while it has its own unsaved edit: a conflict, nothing written.
    expect(b.status.getState().state).toEqual({ kind: 'conflict', theirs: 2 });
    await b.saver.saveNow();
    const stored2 = (await lib.load(diagram.id))!;
    expect(stored2.diagram.nodes.find((n) => n.id === 'api')!.label).toBe('From A');
    expect(stored2.diagram.nodes.find((n) => n.id === 'db')!.label).toBe('Orders DB');
    // B's edit is still in B's memory.
    expect(b.store.getState().diagram.nodes.find((n) => n.id === 'db')!.label).toBe('From B');
    // C had nothing unsaved: it took A's version.
    await wait(10);
    expect(c.reloads).toEqual([diagram.id]);
    expect(c.store.getState().diagram.nodes.find((n) => n.id === 'api')!.label).toBe('From A');
  });

  it('journals unsaved edits synchronously when the page goes away', async () => {
    const { lib, diagram, revision } = await stored();
    const a = await tab(lib);
    a.store.getState().load(diagram);
    a.saver.attach(diagram, revision);
    a.actions.rename('api', 'Last second');
    a.saver.flushForExit();
    expect(a.journal.entry).toMatchObject({ diagramId: diagram.id, baseRevision: 1 });
    expect(a.journal.entry!.doc.nodes[1].label).toBe('Last second');
    await a.saver.saveNow();
    // Once stored, the journal is cleared.
    expect(a.journal.entry).toBeNull();
  });

  it.each([
    ['QuotaExceededError', storageErrors.quota, /storage is full/],
    ["Firefox's quota error (code 1014)", storageErrors.firefoxQuota, /storage is full/],
    ['a quota error inside an AbortError', storageErrors.nestedQuota, /storage is full/],
  ])('shows "not saving" on %s, keeps the work in memory, and saves again once space is back', async (_, make, reason) => {
    const { db, lib, diagram, revision } = await stored();
    const a = await tab(lib);
    a.store.getState().load(diagram);
    a.saver.attach(diagram, revision);
    db.failures.failWrites(make);
    a.actions.rename('api', 'Kept in memory');
    await wait(DELAY * 3);
    const state = a.status.getState().state;
    expect(state.kind).toBe('failed');
    expect(state.kind === 'failed' && state.reason).toMatch(reason);
    expect(a.store.getState().diagram.nodes[1].label).toBe('Kept in memory');
    db.failures.failWrites(null);
    a.actions.rename('api', 'Space again');
    await wait(DELAY * 3);
    expect(a.status.getState().state.kind).toBe('saved');
    expect((await lib.load(diagram.id))!.diagram.nodes[1].label).toBe('Space again');
  });

  it('tries one reopen after a closed connection, and says so when that fails too', async () => {
    const { db, lib, diagram, revision } = await stored();
    const a = await tab(lib);
    a.store.getState().load(diagram);
    a.saver.attach(diagram, revision);
    db.failures.failNextWrite(storageErrors.closed);
    a.actions.rename('api', 'After reopen');
    await wait(DELAY * 3);
    expect(a.reopened()).toBe(1);
    expect(a.status.getState().state.kind).toBe('saved');
    db.failures.failWrites(storageErrors.closed);
    a.actions.rename('api', 'Still closed');
    await wait(DELAY * 3);
    expect(a.reopened()).toBe(2);
    expect(a.status.getState().state).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/closed the storage connection/) });
  });

  it('stops writing for good when a newer version took over the database', async () => {
    const { db, lib, diagram, revision } = await stored();
    const a = await tab(lib);
    a.store.getState().load(diagram);
    a.saver.attach(diagram, revision);
    db.failures.failNextWrite(storageErrors.versionChange);
    a.actions.rename('api', 'x');
    await wait(DELAY * 3);
    expect(a.status.getState().state).toMatchObject({ kind: 'readonly' });
    a.actions.rename('api', 'y');
    await wait(DELAY * 3);
    expect((await lib.load(diagram.id))!.revision).toBe(1);
  });
});
