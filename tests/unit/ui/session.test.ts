// @vitest-environment jsdom
// The storage session in a page: what was drawn before the library opened is kept.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../src/persistence/library';
import { FaultlineDb } from '../../../src/persistence/db';
import { session } from '../../../src/ui/library/session';
import { actions, documentStore, saveStatus } from '../../../src/ui/stores';

describe('the storage session', () => {
  it('keeps a diagram drawn before the library opened, as a new diagram with its undo history', async () => {
    // A diagram from an earlier visit, which would otherwise reopen.
    const earlier = new Library(new FaultlineDb());
    await earlier.create({ ...documentStore.getState().diagram, id: 'd_earlier', name: 'Earlier' });
    await earlier.setSetting('lastOpenDiagram', 'd_earlier');

    const drawnFirst = documentStore.getState().diagram.id;
    actions.addComponent('cache', { x: 0, y: 0 });
    await session.boot();

    const open = documentStore.getState();
    expect(open.diagram.id).toBe(drawnFirst);
    expect(open.diagram.nodes.map((n) => n.kind)).toEqual(['cache']);
    expect(open.past.length).toBe(1);
    expect(saveStatus.getState().state.kind).toBe('saved');
    const names = (await session.library!.list()).map((d) => d.name).sort();
    expect(names).toEqual(['Earlier', open.diagram.name].sort());
    expect(await session.library!.getSetting('lastOpenDiagram')).toBe(drawnFirst);
  });
});
