// Canvas interaction through TestEditor: the same calls the React Flow adapter makes for drops,
// drags, connections, selection, menus and pastes, checked headless.
import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../../src/editor/TestEditor';
import { serializeDiagramFile } from '../../../src/files/diagramFile';
import { absolutePosition, indexNodes } from '../../../src/model';
import { DiagramBuilder, threeTier } from '../../helpers/builders';

function withZone() {
  const b = new DiagramBuilder('Zones');
  const zone = b.group('Zone A', { id: 'zone', x: 1000, y: 0, size: { width: 400, height: 300 } });
  b.node('service', { id: 'api', x: 0, y: 0 });
  b.node('service', { id: 'inner', x: 40, y: 60, parent: zone });
  return new TestEditor(b.build());
}

describe('canvas interaction', () => {
  it('drops a palette item where it lands, inside the group there, selected', () => {
    const e = withZone();
    e.dropKind('cache', { x: 1200, y: 200 });
    const cache = e.diagram.nodes.at(-1)!;
    expect(cache.kind).toBe('cache');
    expect(cache.parentId).toBe('zone');
    // Centred on the drop point, in the group's coordinates.
    expect(absolutePosition(indexNodes(e.diagram), cache.id)).toEqual({ x: 1200 - 88, y: 200 - 30 });
    expect(e.selectedNodeIds()).toEqual([cache.id]);
    expect(e.canvas.dropKind('not-a-kind', { x: 0, y: 0 })).toBe(false);
  });

  it('moves a dragged node into the group it is dropped on, and out again, keeping its place on the canvas', () => {
    const e = withZone();
    e.drag(['api'], { x: 1100, y: 100 });
    expect(e.node('api')!.parentId).toBe('zone');
    expect(absolutePosition(indexNodes(e.diagram), 'api')).toEqual({ x: 1100, y: 100 });
    expect(e.ui.getState().dropTarget).toBeNull();
    e.drag(['inner'], { x: -900, y: 0 });
    expect(e.node('inner')!.parentId).toBeUndefined();
    expect(e.node('inner')!.position).toEqual({ x: 140, y: 60 });
  });

  it('shows the group a node would land in while it is dragged', () => {
    const e = withZone();
    e.canvas.beginDrag();
    e.canvas.drag(new Map([['api', { x: 1100, y: 100 }]]), { id: 'api', absolute: { x: 1100, y: 100 } }, ['api']);
    expect(e.ui.getState().dropTarget).toBe('zone');
    e.canvas.drag(new Map([['api', { x: 500, y: 100 }]]), { id: 'api', absolute: { x: 500, y: 100 } }, ['api']);
    expect(e.ui.getState().dropTarget).toBeNull();
    e.canvas.endDrag(['api']);
  });

  it('makes a whole drag, with the move into a group, one undo step', () => {
    const e = withZone();
    const before = e.diagram;
    e.drag(['api'], { x: 1100, y: 100 }, 30);
    expect(e.doc.getState().past).toHaveLength(1);
    expect(e.doc.getState().past[0].label).toBe('Move');
    e.press('Mod+Z');
    expect(e.diagram).toEqual(before);
  });

  it('connects two nodes and selects the connection; refuses what cannot be connected, saying why', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users' });
    b.node('service', { id: 'api' });
    b.node('queue', { id: 'jobs' });
    b.node('note', { id: 'memo' });
    const e = new TestEditor(b.build());
    expect(e.canvas.connect('users', 'api').ok).toBe(true);
    expect(e.ui.getState().selectedEdges.size).toBe(1);
    // Into a queue is asynchronous, as the catalog says.
    expect(e.canvas.connect('api', 'jobs').ok && e.diagram.edges.at(-1)!.mode).toBe('async');
    expect(e.canvas.connectionRefusal('api', 'users')).toBe('A client only sends requests; it cannot be called');
    expect(e.canvas.connectionRefusal('api', 'memo')).toBe('Notes cannot be connected');
    expect(e.canvas.connectionRefusal('api', 'api')).toBe('A node cannot call itself');
    e.canvas.connectionDropped('api', 'users');
    expect(e.lastMessage()).toBe('A client only sends requests; it cannot be called');
    expect(e.canvas.connect('users', 'api').ok).toBe(false);
    expect(e.lastMessage()).toBe('users already calls api');
  });

  it('connects a connection dropped on a node’s body, either way round, and says why when it may not', () => {
    const b = new DiagramBuilder();
    b.node('client', { id: 'users' });
    b.node('service', { id: 'api' });
    b.node('database', { id: 'db' });
    const e = new TestEditor(b.build());
    e.canvas.connectionDropped('users', 'api');
    expect(e.diagram.edges.map((x) => `${x.source}->${x.target}`)).toEqual(['users->api']);
    // Dragged out of the database's incoming handle onto the service: the service calls it.
    e.canvas.connectionDropped('db', 'api', true);
    expect(e.diagram.edges.map((x) => `${x.source}->${x.target}`)).toEqual(['users->api', 'api->db']);
    e.canvas.connectionDropped('api', 'users');
    expect(e.lastMessage()).toBe('A client only sends requests; it cannot be called');
    // Dropped on empty canvas or back on itself: nothing happens.
    e.canvas.connectionDropped('api', null);
    e.canvas.connectionDropped('api', 'api');
    expect(e.diagram.edges).toHaveLength(2);
    expect(e.doc.getState().past).toHaveLength(2);
  });

  it('applies selection changes from the canvas, and a click on the pane clears them and closes the menu', () => {
    const e = new TestEditor(threeTier().diagram);
    e.canvas.changeSelection(
      new Map([
        ['api', true],
        ['db', true],
      ]),
      'nodes',
    );
    e.canvas.changeSelection(new Map([['db', false]]), 'nodes');
    expect(e.selectedNodeIds()).toEqual(['api']);
    e.canvas.openFaultMenu({ type: 'node', id: 'db' }, { x: 10, y: 10 });
    expect(e.selectedNodeIds()).toEqual(['db']);
    e.canvas.clickPane();
    expect([e.hasSelection(), e.ui.getState().contextMenu]).toEqual([false, null]);
  });

  it('offers faults only on parts that can have them', () => {
    const b = new DiagramBuilder();
    b.node('note', { id: 'memo' });
    b.node('step', { id: 'decide' });
    const e = new TestEditor(b.build());
    expect(e.canvas.openFaultMenu({ type: 'node', id: 'memo' }, { x: 0, y: 0 })).toBe(false);
    expect(e.canvas.openFaultMenu({ type: 'node', id: 'decide' }, { x: 0, y: 0 })).toBe(false);
    expect(e.ui.getState().contextMenu).toBeNull();
  });

  it('resizes a group as one gesture', () => {
    const e = withZone();
    e.canvas.beginResize();
    for (let i = 1; i <= 20; i++) e.canvas.resize('zone', { width: 400 + i * 10, height: 300 }, { x: 1000, y: 0 });
    e.canvas.endResize();
    expect(e.node('zone')!.size).toEqual({ width: 600, height: 300 });
    expect(e.doc.getState().past.map((p) => p.label)).toEqual(['Resize']);
  });

  it('turns a dropped file into what it holds: a Faultline file opens, Mermaid goes to the import, anything else is refused', async () => {
    const e = new TestEditor(threeTier().diagram);
    await e.canvas.dropFile({ name: 'notes.pdf', text: async () => '' });
    expect(e.lastMessage()).toMatch(/notes\.pdf is not a Faultline, Mermaid or Markdown file/);
    await e.canvas.dropFile({ name: 'doc.md', text: async () => '```mermaid\nflowchart LR\n a-->b\n```' });
    expect(e.ui.getState().importRequest?.fileName).toBe('doc.md');
    const other = new DiagramBuilder('Dropped');
    other.node('cache');
    await e.canvas.dropFile({ name: 'd.faultline.json', text: async () => serializeDiagramFile(other.build()) });
    expect(e.diagram.name).toBe('Dropped');
  });

  it('pastes components with fresh ids a step apart, Mermaid into the import, and explains anything else', () => {
    const e = new TestEditor(threeTier().diagram);
    e.select(['api']);
    const text = e.copy()!;
    e.paste(text);
    e.paste(text);
    const copies = e.diagram.nodes.filter((n) => n.label === 'API');
    expect(copies).toHaveLength(3);
    expect(new Set(copies.map((n) => n.id)).size).toBe(3);
    expect(copies[2].position.x - copies[1].position.x).toBe(32);
    e.paste('graph TD\n  a --> b');
    expect(e.ui.getState().importRequest?.text).toBe('graph TD\n  a --> b');
    e.paste('just some words');
    expect(e.lastMessage()).toBe('The clipboard holds no Faultline components or Mermaid to paste');
  });

  it('cuts the selection: it is gone, and pastes back', () => {
    const e = new TestEditor(threeTier().diagram);
    e.select(['db']);
    e.copy(true);
    expect(e.node('db')).toBeUndefined();
    e.paste();
    expect(e.diagram.nodes.some((n) => n.label === 'Orders DB')).toBe(true);
  });
});
