import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { LIVE_NODE_LIMIT } from '../../../src/collab/liveDocument';
import { fault, threeTier } from '../../helpers/builders';
import { canonical, inProcessRoom, settled } from '../../helpers/live';

const label = (p: { editor: { diagram: { nodes: { id: string; label: string }[] } } }, id: string) => p.editor.diagram.nodes.find((n) => n.id === id)?.label;

describe('a live document', () => {
  it('gives a joiner the host’s diagram, field for field', async () => {
    const { diagram } = threeTier();
    const { peers } = await inProcessRoom(diagram);
    expect(canonical(peers[1].editor.diagram)).toBe(canonical(peers[0].editor.diagram));
    expect(peers[1].notices).toEqual([]);
  });

  it('carries add, move, rename, connect and a fault from one person to the other', async () => {
    const { diagram } = threeTier();
    const { peers } = await inProcessRoom(diagram);
    const [a, b] = peers;
    const added = a.editor.actions.addComponent('cache', { x: 400, y: 300 }, { label: 'Session cache' });
    a.editor.canvas.beginDrag();
    a.editor.canvas.drag(new Map([['api', { x: 50, y: 60 }]]), null, ['api']);
    a.editor.canvas.endDrag(['api']);
    a.editor.actions.rename('db', 'Primary DB');
    a.editor.actions.connect('api', (added as { value: { id: string } }).value.id);
    a.editor.actions.addFault(null, fault('hang', 'db', 10_000, 20_000));
    await settled(peers);
    expect(b.editor.diagram.nodes.find((n) => n.id === 'api')?.position).toEqual({ x: 50, y: 60 });
    expect(label(b, 'db')).toBe('Primary DB');
    expect(b.editor.diagram.nodes.some((n) => n.label === 'Session cache')).toBe(true);
    expect(b.editor.diagram.edges).toHaveLength(3);
    expect(b.editor.diagram.scenarios[0].faults.map((f) => f.type)).toEqual(['hang']);
    expect(canonical(b.editor.diagram)).toBe(canonical(a.editor.diagram));
  });

  it('converges when two people change the same node at once, and when one deletes what the other edits', async () => {
    const { diagram } = threeTier();
    const { peers, link } = await inProcessRoom(diagram);
    const [a, b] = peers;
    link.pause();
    a.editor.actions.rename('api', 'Checkout API');
    b.editor.actions.rename('api', 'Orders API');
    a.editor.actions.setNodeProp('api', 'replicas', 4);
    b.editor.actions.deleteElements(['db'], []);
    a.editor.actions.rename('db', 'Renamed while deleted');
    await settled(peers);
    link.resume();
    await settled(peers);
    expect(canonical(a.editor.diagram)).toBe(canonical(b.editor.diagram));
    expect(['Checkout API', 'Orders API']).toContain(label(a, 'api'));
    expect(a.editor.diagram.nodes.find((n) => n.id === 'api')?.props.replicas).toBe(4);
  });

  it('undoes only this person’s change, and a drag in one step', async () => {
    const { diagram } = threeTier();
    const { peers } = await inProcessRoom(diagram);
    const [a, b] = peers;
    a.editor.actions.rename('api', 'Mine');
    b.editor.actions.rename('db', 'Theirs');
    a.editor.canvas.beginDrag();
    for (let i = 1; i <= 30; i++) a.editor.canvas.drag(new Map([['client', { x: i * 10, y: 0 }]]), null, ['client']);
    a.editor.canvas.endDrag(['client']);
    await settled(peers);
    expect(a.live.undo()).toBe(true);
    await settled(peers);
    expect(a.editor.diagram.nodes.find((n) => n.id === 'client')?.position).toEqual(diagram.nodes.find((n) => n.id === 'client')?.position);
    expect(label(a, 'api')).toBe('Mine');
    expect(a.live.undo()).toBe(true);
    await settled(peers);
    expect(label(a, 'api')).toBe('API');
    expect(label(a, 'db')).toBe('Theirs');
    expect(label(b, 'db')).toBe('Theirs');
    expect(canonical(a.editor.diagram)).toBe(canonical(b.editor.diagram));
    expect(a.live.redo()).toBe(true);
    await settled(peers);
    expect(label(b, 'api')).toBe('Mine');
  });

  it('refuses what a hostile peer writes, keeps working, and leaves this copy as it was', async () => {
    const { diagram } = threeTier();
    const { peers } = await inProcessRoom(diagram);
    const [a, b] = peers;
    const before = canonical(b.editor.diagram);
    const nodes = a.ydoc.getMap('nodes');
    const hostile: [string, () => void][] = [
      ['a kind that does not exist', () => (nodes.get('api') as Y.Map<unknown>).set('kind', 'rootkit')],
      ['a label sent in the clear', () => (nodes.get('api') as Y.Map<unknown>).set('label', 'plain text, never sealed')],
      ['a prototype key', () => (nodes.get('api') as Y.Map<unknown>).set('props.__proto__', { polluted: true })],
      ['a record that is not a map', () => nodes.set('weird', 42)],
      ['a position of the wrong type', () => (nodes.get('db') as Y.Map<unknown>).set('position', 'far away')],
      [
        'more nodes than a live diagram may hold',
        () =>
          a.ydoc.transact(() => {
            for (let i = 0; i <= LIVE_NODE_LIMIT; i++)
              nodes.set(
                `flood${i}`,
                new Y.Map<unknown>([
                  ['kind', 'service'],
                  ['position', { x: i, y: 0 }],
                  ['props', true],
                ]),
              );
          }),
      ],
    ];
    for (const [, write] of hostile) {
      // Written straight into the shared document, as a raw Yjs client would: not through an Editor.
      a.ydoc.transact(write, 'raw client');
      await settled(peers);
    }
    expect(canonical(b.editor.diagram)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(b.live.refusals).toBeGreaterThanOrEqual(hostile.length - 1);
    expect(b.notices.join('\n')).toMatch(/refused/);
    // The room keeps working: an honest edit still arrives.
    a.editor.actions.rename('client', 'Still here');
    await settled(peers);
    expect(label(b, 'client')).toBe('Still here');
  });

  it('seals every text value: the shared document holds no label, note or name in the clear', async () => {
    const { diagram } = threeTier();
    diagram.nodes[0].notes = 'interview secret note';
    diagram.name = 'Confidential checkout';
    const { peers } = await inProcessRoom(diagram);
    peers[0].editor.actions.rename('api', 'Payment gateway');
    await settled(peers);
    const bytes = Buffer.from(Y.encodeStateAsUpdate(peers[1].ydoc)).toString('latin1');
    for (const secret of ['Users', 'Orders DB', 'Payment gateway', 'interview secret note', 'Confidential checkout', 'Baseline'])
      expect(bytes).not.toContain(secret);
    expect(bytes).toContain('api');
  });
});
