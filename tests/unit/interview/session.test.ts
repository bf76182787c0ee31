import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestEditor } from '../../../src/editor/TestEditor';
import { phaseAt, SessionPlayer, SessionRecorder } from '../../../src/interview/session';
import type { Diagram } from '../../../src/model';
import { fault, threeTier } from '../../helpers/builders';

const PHASES = [
  { name: 'Requirements', minutes: 5 },
  { name: 'High-level design', minutes: 10 },
  { name: 'Deep dive', minutes: 15 },
];

function recorded() {
  const e = new TestEditor(threeTier().diagram);
  let now = 0;
  const rec = new SessionRecorder(e.doc, () => now, { id: 'i1', startedAt: 1_700_000_000_000, phases: PHASES });
  const at = (minute: number) => {
    now = minute * 60_000;
  };
  return { e, rec, at };
}

describe('an interview session', () => {
  it('replays to a minute the diagram as it stood at that minute', () => {
    const { e, rec, at } = recorded();
    const seen: [number, Diagram][] = [[0, e.diagram]];
    at(2);
    e.actions.rename('api', 'Checkout API');
    seen.push([2, e.diagram]);
    at(7);
    e.actions.addComponent('cache', { x: 300, y: 200 }, { label: 'Redis' });
    seen.push([7, e.diagram]);
    at(9);
    e.canvas.beginDrag();
    for (let i = 1; i <= 40; i++) e.canvas.drag(new Map([['db', { x: i * 5, y: 0 }]]), null, ['db']);
    e.canvas.endDrag(['db']);
    seen.push([9, e.diagram]);
    at(12);
    e.actions.addFault(null, fault('hang', 'db', 10_000, 20_000));
    rec.note('Forgot the cache invalidation story', 'n1', { nodeId: 'db' });
    seen.push([12, e.diagram]);
    at(14);
    e.undo();
    seen.push([14, e.diagram]);
    rec.stop();
    const player = new SessionPlayer(rec.session);
    for (const [minute, diagram] of seen) expect(player.at(minute * 60_000 + 30_000), `minute ${minute}`).toEqual(diagram);
    // The 40-frame drag is one change; the note is in order with the changes.
    expect(rec.session.events.map((x) => x.type)).toEqual(['change', 'change', 'change', 'change', 'note', 'change']);
    expect(player.at(60_000)).toEqual(seen[0][1]);
  });

  it('replays any moment of a long random session exactly, with checkpoints on the way', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('move', 'rename', 'prop'), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 500 })), {
          minLength: 150,
          maxLength: 400,
        }),
        (steps) => {
          const { e, rec, at } = recorded();
          const ids = ['client', 'api', 'db'];
          const history: Diagram[] = [e.diagram];
          steps.forEach(([what, which, n], i) => {
            at(i + 1);
            const id = ids[which];
            if (what === 'move') e.actions.moveNodes(new Map([[id, { x: n, y: i }]]));
            else if (what === 'rename') e.actions.rename(id, `Node ${n}`);
            else e.actions.setNodeProp('api', 'replicas', (n % 50) + 1);
            history.push(e.diagram);
          });
          rec.stop();
          const player = new SessionPlayer(rec.session);
          for (const i of [0, 1, 99, 100, 101, Math.floor(steps.length / 2), steps.length]) expect(player.at(i * 60_000)).toEqual(history[i]);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('says which phase a moment is in', () => {
    expect(phaseAt(PHASES, 0).index).toBe(0);
    expect(phaseAt(PHASES, 5 * 60_000)).toEqual({ index: 1, startMs: 5 * 60_000 });
    expect(phaseAt(PHASES, 29 * 60_000).index).toBe(2);
    expect(phaseAt(PHASES, 90 * 60_000).index).toBe(2);
  });
});
