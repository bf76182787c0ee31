// Every Mermaid fence of the question bank imports, and what comes out is what mermaid itself
// read: the same numbers of nodes, edges and subgraphs (participants and messages; states and
// transitions).
import '../../helpers/withMermaidDom';
import { describe, expect, it } from 'vitest';
import { layoutDiagram } from '../../../src/layout/layoutDiagram';
import { createNodeElk } from '../../../src/layout/nodeElk';

const elk = createNodeElk();
import { importMermaid } from '../../../src/mermaid/importMermaid';
import { absolutePosition, indexNodes, validateDiagram } from '../../../src/model';
import { mermaidCounts } from '../../helpers/mermaidCounts';
import { seedFences } from '../../helpers/seeds';

const fences = seedFences();

describe('the question bank imports', () => {
  // The seeds' README counts 33 flowcharts but 41 fences in all with 5 sequence diagrams and one
  // state diagram; mermaid reads 35 flowcharts, which is what adds up to 41.
  it('has the 41 fences of the seeds: 35 flowcharts, 5 sequence diagrams, 1 state diagram', async () => {
    expect(fences).toHaveLength(41);
    const types = await Promise.all(fences.map(async (f) => (await mermaidCounts(f.text)).type));
    expect(types.filter((t) => t === 'flowchart')).toHaveLength(35);
    expect(types.filter((t) => t === 'sequence')).toHaveLength(5);
    expect(types.filter((t) => t === 'stateDiagram')).toHaveLength(1);
  });

  it.each(fences.map((f) => [f.name, f.text]))('%s imports with the counts mermaid reads', async (_, text) => {
    const expected = await mermaidCounts(text);
    const { diagram, counts } = await importMermaid(text, 'seed', (d) => layoutDiagram(d, elk));
    expect(validateDiagram(diagram)).toEqual([]);
    const groups = diagram.nodes.filter((n) => n.kind === 'group');
    const nodes = diagram.nodes.filter((n) => n.kind !== 'group');
    expect(nodes.length).toBe(expected.nodes);
    expect(counts.nodes).toBe(expected.nodes);
    if (expected.type === 'flowchart') {
      expect(diagram.edges.length).toBe(expected.edges);
      expect(groups.length).toBe(expected.groups);
    } else if (expected.type === 'sequence') {
      expect(diagram.flows[0].steps.length).toBe(expected.steps);
    } else {
      expect(diagram.edges.length).toBe(expected.edges);
    }
    // Laid out: no two nodes share a place on the canvas.
    const byId = indexNodes(diagram);
    expect(new Set(nodes.map((n) => JSON.stringify(absolutePosition(byId, n.id)))).size).toBe(nodes.length);
  });
});
