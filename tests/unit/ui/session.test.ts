// The storage session over a real (in-memory) IndexedDB: what was drawn before the library opened
// is kept, and a file's refused values are named in the notice. A session per test: nothing here
// lives at module scope any more, so the tests run in any order and any number of times.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../../src/editor/TestEditor';
import { serializeDiagramFile } from '../../../src/files/diagramFile';
import { channelHub } from '../../../src/persistence/channel';
import { memoryJournal } from '../../../src/persistence/journal';
import { Library } from '../../../src/persistence/library';
import { LibrarySession, type SessionEnv } from '../../../src/ui/library/session';
import { threeTier } from '../../helpers/builders';
import { testDb } from '../../helpers/testDb';

function sessionFor(editor: TestEditor, factory = new IDBFactory()) {
  const name = `session-${Math.random()}`;
  const env: SessionEnv = {
    openDatabase: () => testDb(factory, name),
    journal: memoryJournal(),
    channel: channelHub().channel(),
    fragment: () => '',
    clearFragment: () => undefined,
    pageUrl: () => 'http://localhost/',
    onExit: () => undefined,
  };
  const session = new LibrarySession(editor, env);
  editor.attachStorage(session);
  return { session, factory, name };
}

describe('the storage session', () => {
  it('keeps a diagram drawn before the library opened, as a new diagram with its undo history', async () => {
    const editor = new TestEditor(undefined, { library: false });
    const { session, factory, name } = sessionFor(editor);
    // A diagram from an earlier visit, which would otherwise reopen.
    const earlier = new Library(testDb(factory, name));
    await earlier.create({ ...editor.diagram, id: 'd_earlier', name: 'Earlier' });
    await earlier.setSetting('lastOpenDiagram', 'd_earlier');

    const drawnFirst = editor.diagram.id;
    editor.actions.addComponent('cache', { x: 0, y: 0 });
    await session.boot();

    const open = editor.doc.getState();
    expect(open.diagram.id).toBe(drawnFirst);
    expect(open.diagram.nodes.map((n) => n.kind)).toEqual(['cache']);
    expect(open.past.length).toBe(1);
    expect(editor.saveStatus.getState().state.kind).toBe('saved');
    const names = (await session.listDiagrams()).map((d) => d.name).sort();
    expect(names).toEqual(['Earlier', open.diagram.name].sort());
    expect(await session.library!.getSetting('lastOpenDiagram')).toBe(drawnFirst);
  });

  it.each([
    ['a diagram from an earlier visit', true],
    ['a first visit', false],
  ])('loses nothing drawn at any moment of loading the library, with %s', async (_, earlierVisit) => {
    // The edit lands after 0, 1, 2, ... turns of the event loop, so every await in the boot
    // sequence gets an edit right after it, whatever that sequence is.
    let landedDuringBoot = 0;
    for (let turns = 0; turns < 40; turns++) {
      const editor = new TestEditor(undefined, { library: false });
      const { session, factory, name } = sessionFor(editor);
      if (earlierVisit) {
        const earlier = new Library(testDb(factory, name));
        await earlier.create({ ...editor.diagram, id: 'd_earlier', name: 'Earlier' });
        await earlier.setSetting('lastOpenDiagram', 'd_earlier');
      }
      let booted = false;
      const booting = session.boot().then(() => {
        booted = true;
      });
      for (let t = 0; t < turns; t++) await new Promise((r) => setTimeout(r, 0));
      if (!booted) landedDuringBoot++;
      editor.actions.addComponent('cache', { x: 0, y: 0 });
      await booting;
      await session.flush();

      expect(
        editor.diagram.nodes.map((n) => n.kind),
        `edit after ${turns} turns`,
      ).toEqual(['cache']);
      const stored = await new Library(testDb(factory, name)).load(editor.diagram.id);
      expect(
        stored?.diagram.nodes.map((n) => n.kind),
        `stored, edit after ${turns} turns`,
      ).toEqual(['cache']);
    }
    // The sweep reached inside the boot sequence, not only before and after it.
    expect(landedDuringBoot).toBeGreaterThanOrEqual(2);
  });

  it("opens a file with a value out of range and names the field's refusal in the notice", async () => {
    const editor = new TestEditor(undefined, { library: false });
    const { session } = sessionFor(editor);
    await session.boot();
    const { diagram } = threeTier();
    diagram.nodes[0].props.patternFactor = 5_000;
    await session.importFile({ name: 'shop.faultline.json', text: async () => serializeDiagramFile(diagram) });
    expect(editor.diagram.nodes[0].props.patternFactor).toBeUndefined();
    expect(editor.lastMessage()).toContain('Pattern factor must be at most 1,000 × (got 5000; left out)');
  });
});
