import { describe, expect, it } from 'vitest';
import { createDocumentStore, HISTORY_LIMIT } from '../../../src/editor/documentStore';
import { storeActions } from '../../../src/editor/actions';
import { DiagramBuilder, threeTier } from '../../helpers/builders';

function harness() {
  const { diagram } = threeTier();
  const store = createDocumentStore(diagram);
  return { store, actions: storeActions(store), doc: () => store.getState().diagram };
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

describe('gestures are one squashed change', () => {
  function grid(n: number) {
    const b = new DiagramBuilder('Grid');
    for (let i = 0; i < n; i++) b.node('service', { id: `n${i}`, x: (i % 40) * 200, y: Math.floor(i / 40) * 100 });
    return b.build();
  }

  it('records a drag of 1,000 nodes over 180 frames as one step whose size follows the nodes, not the frames', () => {
    const store = createDocumentStore(grid(1_000));
    const actions = storeActions(store);
    const start = store.getState().diagram;
    store.getState().beginGesture('Move');
    for (let f = 1; f <= 180; f++) actions.moveNodes(new Map(start.nodes.map((n) => [n.id, { x: n.position.x + f, y: n.position.y + f }])));
    store.getState().endGesture();
    const [step] = store.getState().past;
    expect(store.getState().past).toHaveLength(1);
    // Two patches (x and y) per moved node, whatever the number of frames.
    expect(step.patches.length).toBe(2_000);
    expect(step.inverse.length).toBe(2_000);
    store.getState().undo();
    expect(store.getState().diagram).toEqual(start);
    store.getState().redo();
    expect(store.getState().diagram.nodes[999].position).toEqual({ x: start.nodes[999].position.x + 180, y: start.nodes[999].position.y + 180 });
  });

  it('records nothing for a drag that ends where it began', () => {
    const store = createDocumentStore(grid(3));
    const actions = storeActions(store);
    const p = store.getState().diagram.nodes[0].position;
    store.getState().beginGesture('Move');
    actions.moveNodes(new Map([['n0', { x: p.x + 50, y: p.y }]]));
    actions.moveNodes(new Map([['n0', p]]));
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(0);
  });

  it('tells listeners every change with its patches and where it came from', () => {
    const store = createDocumentStore(grid(2));
    const actions = storeActions(store);
    const heard: string[] = [];
    const stop = store.getState().onChange((c) => heard.push(`${c.origin}:${c.label}:${c.inGesture ? 'frame' : 'step'}:${c.patches.length}`));
    actions.rename('n0', 'A');
    store.getState().beginGesture('Move');
    actions.moveNodes(new Map([['n1', { x: 5, y: 5 }]]));
    store.getState().endGesture();
    store.getState().undo();
    store.getState().redo();
    store.getState().applyRemote('Peer edit', [{ op: 'replace', path: ['nodes', 0, 'label'], value: 'From a peer' }]);
    stop();
    actions.rename('n0', 'unheard');
    expect(heard).toEqual(['local:Rename:step:1', 'local:Move:frame:2', 'undo:Move:step:2', 'redo:Move:step:2', 'remote:Peer edit:step:1']);
    // A change from another person is not this person's to undo.
    expect(store.getState().past.map((e) => e.label)).toEqual(['Rename', 'Move', 'Rename']);
  });
});
