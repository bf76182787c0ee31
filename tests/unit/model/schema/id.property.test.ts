// The id rule over ids drawn from all of Unicode: every path that takes ids from outside (files,
// links, peers, Mermaid) gives one the canvas can put in an attribute selector, the same input
// always the same id, and a diagram's references stay joined.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { restoreDiagram } from '../../../../src/files/restoreDiagram';
import { isSafeId, safeId, validateDiagram } from '../../../../src/model';

const anyId = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
const { document } = new JSDOM('<div></div>').window;

describe('the id rule', () => {
  it('gives every id a safe form that works in a selector, and leaves safe ids as they are', () => {
    fc.assert(
      fc.property(anyId, (raw) => {
        const id = safeId(raw);
        expect(safeId(id)).toBe(id);
        expect(isSafeId(id)).toBe(true);
        // What React Flow does with a node id: a quoted attribute selector, unescaped.
        expect(() => document.querySelector(`.react-flow__handle[data-id="rf-${id}-h-source"]`)).not.toThrow();
        if (isSafeId(raw)) expect(id).toBe(raw);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps ids of every script, and the author’s Mermaid ids, as written', () => {
    for (const id of ['订单服务', 'платежи', 'db-1', 'user_api', 'a.b:c', '🚀', 'ID with space', 'n0->n1', '<b>']) expect(safeId(id)).toBe(id);
    expect(safeId('say "hi"')).toBe('say _hi_');
    expect(safeId('a\\b\u0000c\u202ed')).toBe('a_b_c_d');
  });

  it('restores a file with ids from all of Unicode into a valid diagram, every connection still joined', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyId, { minLength: 2, maxLength: 8, selector: (id) => safeId(id) }), (ids) => {
        const file = {
          name: 'Hostile ids',
          nodes: ids.map((id, i) => ({ id, kind: 'service', label: `Node ${i}`, position: { x: i * 200, y: 0 } })),
          edges: ids.slice(1).map((id, i) => ({ id: `e"${i}`, source: ids[0], target: id })),
        };
        const { diagram, report } = restoreDiagram(file);
        expect(validateDiagram(diagram)).toEqual([]);
        expect(diagram.nodes.map((n) => n.id)).toEqual(ids.map(safeId));
        expect(diagram.edges.map((e) => [e.source, e.target])).toEqual(ids.slice(1).map((id) => [safeId(ids[0]), safeId(id)]));
        const changed = ids.filter((id) => safeId(id) !== id).length;
        expect(report.messages.filter((m) => m.includes('held characters an id may not')).length).toBe(changed);
      }),
      { numRuns: 500 },
    );
  });
});
