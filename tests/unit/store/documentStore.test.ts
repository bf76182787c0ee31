import { describe, expect, it } from 'vitest';
import { createDocumentStore, HISTORY_LIMIT } from '../../../src/store/documentStore';
import { documentActions } from '../../../src/store/documentActions';
import { threeTier } from '../../helpers/builders';

function harness() {
  const { diagram } = threeTier();
  const store = createDocumentStore(diagram);
  return { store, actions: documentActions(store), doc: () => store.getState().diagram };
}

describe('document store undo and redo', () => {
  it('undoes and redoes every kind of change, one step each', () => {
    const { store, actions, doc } = harness();
    const original = doc();
    const added = actions.addComponent('cache', { x: 10, y: 10 });
    expect(added.ok).toBe(true);
    const cacheId = added.ok ? added.value.id : '';
    expect(actions.connect('api', cacheId).ok).toBe(true);
    actions.rename('api', 'Checkout');
    actions.setNodeProp('api', 'replicas', 6);
    actions.setCallProp(doc().edges[0].id, 'maxAttempts', 3);
    actions.deleteElements(['db'], []);
    const final = doc();
    expect(store.getState().past.map((e) => e.label)).toEqual(['Add Cache', 'Connect', 'Rename', 'Edit property', 'Edit call setting', 'Delete']);
    for (let i = 0; i < 6; i++) expect(store.getState().undo()).not.toBeNull();
    expect(doc()).toEqual(original);
    expect(store.getState().undo()).toBeNull();
    for (let i = 0; i < 6; i++) store.getState().redo();
    expect(doc()).toEqual(final);
    expect(store.getState().redo()).toBeNull();
  });

  it('records nothing for a refused edit', () => {
    const { store, actions, doc } = harness();
    const before = doc();
    expect(actions.connect('api', 'api')).toEqual({ ok: false, reason: 'A node cannot call itself' });
    expect(actions.setCallProp(before.edges[0].id, 'timeoutMs', -10).ok).toBe(false);
    expect(doc()).toBe(before);
    expect(store.getState().past).toHaveLength(0);
  });

  it('makes a whole drag one undo step', () => {
    const { store, actions, doc } = harness();
    const start = doc().nodes[1].position;
    store.getState().beginGesture('Move');
    for (let i = 1; i <= 30; i++) actions.moveNodes(new Map([['api', { x: start.x + i * 5, y: start.y + i }]]));
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(1);
    expect(doc().nodes[1].position).toEqual({ x: start.x + 150, y: start.y + 30 });
    store.getState().undo();
    expect(doc().nodes[1].position).toEqual(start);
    store.getState().redo();
    expect(doc().nodes[1].position).toEqual({ x: start.x + 150, y: start.y + 30 });
  });

  it('records no step for a gesture that changed nothing, and a new change clears redo', () => {
    const { store, actions } = harness();
    store.getState().beginGesture('Move');
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(0);
    actions.rename('api', 'A');
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);
    actions.rename('api', 'B');
    expect(store.getState().future).toHaveLength(0);
  });

  it('keeps at most the history limit', () => {
    const { store, actions } = harness();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) actions.rename('api', `name ${i}`);
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('starts a fresh history when another diagram is loaded', () => {
    const { store, actions } = harness();
    actions.rename('api', 'A');
    store.getState().load(threeTier().diagram);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().undo()).toBeNull();
  });

  it('undoes a duplicate and a paste as one step each', () => {
    const { store, actions, doc } = harness();
    const ids = actions.duplicate(['api', 'db']);
    expect(ids).toHaveLength(2);
    expect(doc().nodes).toHaveLength(5);
    expect(doc().edges).toHaveLength(3);
    store.getState().undo();
    expect(doc().nodes).toHaveLength(3);
    expect(doc().edges).toHaveLength(2);
  });
});
