import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../../src/model';
import {
  absolutePosition,
  absoluteRect,
  connect,
  connectionRefusal,
  createNode,
  addNode,
  duplicateNodes,
  extractFragment,
  groupNodes,
  ungroup,
  indexNodes,
  insertFragment,
  removeEdges,
  removeNodes,
  setCallProp,
  setKind,
  setNodeProp,
  setParent,
  updateNode,
  validateDiagram,
  freeSpot,
} from '../../../src/model';
import { DiagramBuilder, fault, threeTier } from '../../helpers/builders';

/** Runs an edit the way the store does, returning the new diagram and the edit's result. */
function edit<T>(d: Diagram, f: (draft: Diagram) => T): [Diagram, T] {
  let result!: T;
  const next = produce(d, (draft) => {
    result = f(draft as Diagram);
  });
  return [next, result];
}

describe('adding and removing', () => {
  it('adds a node and refuses a duplicate id or a non-group parent', () => {
    const { diagram } = threeTier();
    const [next, added] = edit(diagram, (d) => addNode(d, createNode('cache', { x: 0, y: 0 }, { id: 'c1' })));
    expect(added.ok).toBe(true);
    expect(next.nodes.map((n) => n.id)).toContain('c1');
    expect(diagram.nodes).toHaveLength(3);
    const [, dup] = edit(next, (d) => addNode(d, createNode('cache', { x: 0, y: 0 }, { id: 'c1' })));
    expect(dup).toEqual({ ok: false, reason: 'A node with id c1 already exists' });
    const [, bad] = edit(next, (d) => addNode(d, createNode('cache', { x: 0, y: 0 }, { parentId: 'api' })));
    expect(bad.ok).toBe(false);
  });

  it('removes nodes with their edges and the faults aimed at them', () => {
    const { diagram, service } = threeTier();
    diagram.scenarios.push({
      id: 's',
      name: 's',
      seed: 1,
      durationMs: 1000,
      warmupMs: 0,
      traffic: {},
      faults: [fault('crash', service, 0, 10), fault('hang', 'db', 0, 10)],
    });
    const [next, removed] = edit(diagram, (d) => removeNodes(d, [service]));
    expect(removed).toBe(1);
    expect(next.nodes.map((n) => n.id)).toEqual(['client', 'db']);
    expect(next.edges).toHaveLength(0);
    expect(next.scenarios[0].faults.map((f) => f.target.id)).toEqual(['db']);
    expect(validateDiagram(next)).toEqual([]);
  });

  it('removes a group with everything inside it, at any depth', () => {
    const b = new DiagramBuilder();
    const region = b.group('Region');
    const az = b.group('AZ', { parent: region });
    const inner = b.node('service', { parent: az });
    const outside = b.node('database');
    b.edge(inner, outside);
    const [next] = edit(b.build(), (d) => removeNodes(d, [region]));
    expect(next.nodes.map((n) => n.id)).toEqual([outside]);
    expect(next.edges).toEqual([]);
  });

  it('removes edges by id', () => {
    const { diagram } = threeTier();
    const [next, n] = edit(diagram, (d) => removeEdges(d, [diagram.edges[0].id]));
    expect(n).toBe(1);
    expect(next.edges).toHaveLength(1);
  });
});

describe('connecting', () => {
  it('refuses self-loops, duplicates, notes and calls into a client, with a reason', () => {
    const b = new DiagramBuilder();
    const client = b.node('client', { label: 'Web' });
    const svc = b.node('service', { label: 'API' });
    const note = b.node('note');
    b.edge(client, svc);
    const d = b.build();
    expect(connectionRefusal(d, svc, svc)).toBe('A node cannot call itself');
    expect(connectionRefusal(d, client, svc)).toBe('Web already calls API');
    expect(connectionRefusal(d, svc, note)).toBe('Notes cannot be connected');
    expect(connectionRefusal(d, svc, client)).toMatch(/client/);
    expect(connectionRefusal(d, svc, 'missing')).toMatch(/exist/);
    const [next, result] = edit(d, (draft) => connect(draft, svc, svc));
    expect(result.ok).toBe(false);
    expect(next).toBe(d);
  });

  it('makes an edge into a queue or stream asynchronous, others synchronous', () => {
    const b = new DiagramBuilder();
    const svc = b.node('service');
    const q = b.node('queue');
    const s = b.node('stream');
    const db = b.node('database');
    const [next] = edit(b.build(), (d) => {
      connect(d, svc, q);
      connect(d, svc, s);
      connect(d, svc, db);
    });
    expect(next.edges.map((e) => [e.target, e.mode])).toEqual([
      [q, 'async'],
      [s, 'async'],
      [db, 'sync'],
    ]);
  });

  it('switches inbound edges when a node becomes a queue', () => {
    const { diagram, db } = threeTier();
    const [next] = edit(diagram, (d) => setKind(d, db, 'queue'));
    expect(next.edges.find((e) => e.target === db)!.mode).toBe('async');
    const [, refused] = edit(diagram, (d) => setKind(d, db, 'client'));
    expect(refused.ok).toBe(false);
  });
});

describe('groups', () => {
  it('moves a node into a group and out again without moving it on the canvas', () => {
    const b = new DiagramBuilder();
    const g = b.group('AZ a', { x: 100, y: 50 });
    const n = b.node('service', { x: 180, y: 120 });
    const [inside] = edit(b.build(), (d) => setParent(d, n, g));
    const moved = inside.nodes.find((x) => x.id === n)!;
    expect(moved.parentId).toBe(g);
    expect(moved.position).toEqual({ x: 80, y: 70 });
    expect(absolutePosition(indexNodes(inside), n)).toEqual({ x: 180, y: 120 });
    const [outside] = edit(inside, (d) => setParent(d, n, undefined));
    const back = outside.nodes.find((x) => x.id === n)!;
    expect(back.parentId).toBeUndefined();
    expect(back.position).toEqual({ x: 180, y: 120 });
  });

  it('refuses to put a group inside itself or its own descendant', () => {
    const b = new DiagramBuilder();
    const outer = b.group('Region');
    const inner = b.group('AZ', { parent: outer });
    const d = b.build();
    expect(edit(d, (x) => setParent(x, outer, inner))[1]).toEqual({ ok: false, reason: 'A group cannot be placed inside itself' });
    expect(edit(d, (x) => setParent(x, outer, outer))[1].ok).toBe(false);
    expect(edit(d, (x) => setParent(x, inner, 'nope'))[1].ok).toBe(false);
  });
});

describe('duplicating and pasting', () => {
  it('duplicates a selection with fresh ids, the edges between them and the group contents', () => {
    const b = new DiagramBuilder();
    const g = b.group('AZ');
    const a = b.node('service', { parent: g, x: 20, y: 40 });
    const c = b.node('cache', { parent: g, x: 20, y: 140 });
    const outside = b.node('database');
    b.edge(a, c, { label: 'reads', call: { timeoutMs: 50 } });
    b.edge(a, outside);
    const d = b.build();
    const [next, roots] = edit(d, (x) => duplicateNodes(x, [g]));
    expect(roots).toHaveLength(1);
    expect(next.nodes).toHaveLength(d.nodes.length + 3);
    const ids = next.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const copyGroup = roots[0];
    const copies = next.nodes.filter((n) => n.parentId === copyGroup);
    expect(copies.map((n) => n.kind).sort()).toEqual(['cache', 'service']);
    const copiedEdges = next.edges.filter((e) => copies.some((n) => n.id === e.source));
    expect(copiedEdges).toHaveLength(1);
    expect(copiedEdges[0]).toMatchObject({ label: 'reads', call: { timeoutMs: 50 } });
    expect(validateDiagram(next)).toEqual([]);
  });

  it('keeps a duplicated child in its group, offset', () => {
    const b = new DiagramBuilder();
    const g = b.group('AZ');
    const a = b.node('service', { parent: g, x: 20, y: 40 });
    const [next, [copy]] = edit(b.build(), (x) => duplicateNodes(x, [a], { x: 10, y: 10 }));
    expect(next.nodes.find((n) => n.id === copy)).toMatchObject({ parentId: g, position: { x: 30, y: 50 } });
  });

  it('pastes into another diagram at canvas positions when the group is absent there', () => {
    const b = new DiagramBuilder();
    const g = b.group('AZ', { x: 500, y: 300 });
    const a = b.node('service', { parent: g, x: 20, y: 40 });
    const fragment = extractFragment(b.build(), [a]);
    const other = new DiagramBuilder('Other').build();
    const [next, [pasted]] = edit(other, (x) => insertFragment(x, JSON.parse(JSON.stringify(fragment)), { x: 0, y: 0 }));
    expect(next.nodes.find((n) => n.id === pasted)).toMatchObject({ position: { x: 520, y: 340 } });
    expect(next.nodes[0].parentId).toBeUndefined();
  });
});

describe('properties', () => {
  it('stores a valid override, refuses an invalid one, and resets to the default', () => {
    const { diagram, service } = threeTier();
    const [withReplicas, ok] = edit(diagram, (d) => setNodeProp(d, service, 'replicas', 5));
    expect(ok.ok).toBe(true);
    expect(withReplicas.nodes[1].props).toEqual({ replicas: 5 });
    const [same, refused] = edit(withReplicas, (d) => setNodeProp(d, service, 'replicas', 0));
    expect(refused).toEqual({ ok: false, reason: 'Replicas must be at least 1' });
    expect(same).toBe(withReplicas);
    const [reset] = edit(withReplicas, (d) => setNodeProp(d, service, 'replicas', undefined));
    expect(reset.nodes[1].props).toEqual({});
  });

  it('refuses a negative timeout on an edge', () => {
    const { diagram } = threeTier();
    const id = diagram.edges[0].id;
    const [same, refused] = edit(diagram, (d) => setCallProp(d, id, 'timeoutMs', -1));
    expect(refused).toEqual({ ok: false, reason: 'Timeout must be at least 0 ms' });
    expect(same).toBe(diagram);
    const [next] = edit(diagram, (d) => setCallProp(d, id, 'breaker', true));
    expect(next.edges[0].call).toEqual({ breaker: true });
  });

  it('renames and clears optional details', () => {
    const { diagram, service } = threeTier();
    const [next] = edit(diagram, (d) => updateNode(d, service, { label: 'Checkout', color: '#ff0000', notes: '' }));
    expect(next.nodes[1]).toMatchObject({ label: 'Checkout', color: '#ff0000' });
    expect('notes' in next.nodes[1]).toBe(false);
  });
});

describe('validation', () => {
  it('accepts a well-formed diagram', () => {
    expect(validateDiagram(threeTier().diagram)).toEqual([]);
  });

  it('reports duplicates, dangling edges, parent problems, bad values and bad faults', () => {
    const b = new DiagramBuilder();
    const a = b.node('service', { id: 'a', props: { replicas: -1 } });
    b.node('service', { id: 'a' });
    const g1 = b.group('G1', { id: 'g1', parent: 'g2' });
    b.group('G2', { id: 'g2', parent: g1 });
    b.node('service', { id: 'orphan', parent: 'missing' });
    b.node('service', { id: 'child', parent: a });
    b.edge(a, 'ghost');
    b.edge(a, a, { id: 'loop', call: { timeoutMs: -3 } });
    b.scenario({ faults: [fault('crash', 'nobody', 10, 5)] });
    const messages = validateDiagram(b.build()).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Node id a is used more than once',
        expect.stringMatching(/Replicas must be at least 1/),
        'Groups around g1 contain each other',
        'Node orphan is inside a group missing that does not exist',
        'Node child is inside a, which is not a group',
        expect.stringMatching(/connects a node that does not exist/),
        'Edge loop connects a node to itself',
        expect.stringMatching(/Timeout must be at least 0 ms/),
        expect.stringMatching(/targets unknown node nobody/),
        expect.stringMatching(/must end after it starts/),
      ]),
    );
  });
});

describe('grouping', () => {
  it('wraps siblings in a group that contains them, and ungroup puts them back in place', () => {
    const b = new DiagramBuilder();
    const a = b.node('service', { x: 100, y: 100 });
    const c = b.node('cache', { x: 400, y: 220 });
    const d0 = b.build();
    const [grouped, result] = edit(d0, (d) => groupNodes(d, [a, c], 'AZ a'));
    expect(result.ok).toBe(true);
    const g = result.ok ? result.value.id : '';
    const byId = indexNodes(grouped);
    const box = absoluteRect(byId, g);
    for (const id of [a, c]) {
      const r = absoluteRect(byId, id);
      expect(byId.get(id)!.parentId).toBe(g);
      expect(r.x).toBeGreaterThan(box.x);
      expect(r.x + r.width).toBeLessThan(box.x + box.width);
      expect(r.y).toBeGreaterThan(box.y);
      expect(r.y + r.height).toBeLessThan(box.y + box.height);
    }
    expect(absolutePosition(byId, a)).toEqual({ x: 100, y: 100 });
    const [ungrouped] = edit(grouped, (d) => ungroup(d, g));
    expect(ungrouped.nodes).toEqual(d0.nodes);
  });

  it('refuses to group nodes from different groups', () => {
    const b = new DiagramBuilder();
    const g = b.group('G');
    const a = b.node('service', { parent: g });
    const c = b.node('cache');
    expect(edit(b.build(), (d) => groupNodes(d, [a, c]))[1].ok).toBe(false);
  });
});

describe('placing new components', () => {
  it('uses the point when free and the nearest free cell when taken', () => {
    const b = new DiagramBuilder();
    const d = b.build();
    expect(freeSpot(d, { x: 100, y: 100 })).toEqual({ x: 100, y: 100 });
    b.node('service', { x: 12, y: 70 });
    const spot = freeSpot(d, { x: 100, y: 100 });
    expect(spot).not.toEqual({ x: 100, y: 100 });
    const rect = { x: spot.x - 88, y: spot.y - 30, width: 176, height: 60 };
    expect(rect.x >= 12 + 176 || rect.x + 176 <= 12 || rect.y >= 130 || rect.y + 60 <= 70).toBe(true);
  });
});
