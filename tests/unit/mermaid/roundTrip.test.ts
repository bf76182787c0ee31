// Export then import gives back the same diagram (kinds, labels, groups and nesting, edges, edge
// labels, modes, properties, scenarios), and exporting that again gives the same text to the byte.
import '../../helpers/withMermaidDom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportMermaid, mermaidIds } from '../../../src/mermaid/exportMermaid';
import { importMermaid } from '../../../src/mermaid/importMermaid';
import type { Diagram } from '../../../src/model';
import { arbitraryDiagram } from '../../helpers/arbitraryDiagram';
import { seedFences } from '../../helpers/seeds';

const noLayout = async () => ({ positions: new Map(), sizes: new Map() });

/** What must survive the round trip, with node ids as the exported Mermaid names them. */
function essence(d: Diagram, ids: Map<string, string> = new Map(d.nodes.map((n) => [n.id, n.id]))) {
  const id = (x: string) => ids.get(x) ?? x;
  const edgeName = new Map(d.edges.map((e) => [e.id, `${id(e.source)}->${id(e.target)}`]));
  return {
    name: d.name,
    direction: d.direction,
    nodes: d.nodes
      .map((n) => ({
        id: id(n.id),
        kind: n.kind,
        label: n.label,
        parent: n.parentId ? id(n.parentId) : null,
        props: n.props,
        notes: n.notes ?? null,
        color: n.color ?? null,
        direction: n.direction ?? null,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    edges: d.edges
      .map((e) => ({ s: id(e.source), t: id(e.target), label: e.label ?? null, mode: e.mode, style: e.style ?? 'solid', call: e.call }))
      .sort((a, b) => `${a.s}>${a.t}`.localeCompare(`${b.s}>${b.t}`)),
    scenarios: d.scenarios.map((s) => ({
      ...s,
      traffic: Object.fromEntries(Object.entries(s.traffic).map(([k, v]) => [id(k), v])),
      faults: s.faults.map((f) => ({ ...f, target: { type: f.target.type, id: f.target.type === 'node' ? id(f.target.id) : edgeName.get(f.target.id) } })),
    })),
    flows: d.flows.map((f) => ({ ...f, steps: f.steps.map((s) => ({ ...s, from: id(s.from), to: id(s.to) })) })),
  };
}

describe('Mermaid round trip', () => {
  it('import(export(d)) equals d, and export(import(export(d))) is byte-identical, for 1,000 random diagrams', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDiagram, async (d) => {
        const text = exportMermaid(d);
        const back = await importMermaid(text, 'ignored', noLayout);
        const problems = back.notices.filter((n) => !/appears more than once|to itself/.test(n));
        expect(problems).toEqual([]);
        expect(essence(back.diagram)).toEqual(essence(d, mermaidIds(d)));
        expect(exportMermaid(back.diagram)).toBe(text);
      }),
      { numRuns: 1_000 },
    );
  }, 300_000);

  it.each(seedFences().map((f) => [f.name, f.text]))('%s survives export and import', async (_, text) => {
    const first = await importMermaid(text, 'seed', noLayout);
    const exported = exportMermaid(first.diagram);
    const second = await importMermaid(exported, 'seed', noLayout);
    expect(essence(second.diagram)).toEqual(essence(first.diagram, mermaidIds(first.diagram)));
    expect(exportMermaid(second.diagram)).toBe(exported);
  });
});
