import fc from 'fast-check';
import { applyPatches, enablePatches } from 'immer';
import { describe, expect, it } from 'vitest';
import { diffPatches } from '../../../src/editor/diff';

enablePatches();

const records = (ids: number[]) => ids.map((i) => ({ id: `n${i}`, label: `Node ${i}`, position: { x: i, y: i } }));

describe('diffPatches', () => {
  it('turns one list into another and back, for any records added, removed or changed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }),
        fc.boolean(),
        (a, b, relabel) => {
          const from = { nodes: records(a) };
          const to = { nodes: records(b).map((n) => (relabel ? { ...n, label: `${n.label}!` } : n)) };
          const { patches, inverse } = diffPatches(from, to);
          expect(applyPatches(from, patches)).toEqual(to);
          expect(applyPatches(to, inverse)).toEqual(from);
        },
      ),
    );
  });

  it('records a deleted record as one patch, not the whole list', () => {
    const from = { nodes: records([1, 2, 3, 4, 5]) };
    const to = { nodes: from.nodes.filter((n) => n.id !== 'n3') };
    expect(diffPatches(from, to).patches).toEqual([{ op: 'remove', path: ['nodes', 2] }]);
  });
});
