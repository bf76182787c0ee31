// What mermaid's own database holds for a diagram, counted straight from it: the numbers an
// import must reproduce.
import { withParsedDiagram } from '../../src/mermaid/loadMermaid';

export async function mermaidCounts(text: string) {
  return withParsedDiagram(text, ({ type, db }) => {
    const d = db as Record<string, (...a: unknown[]) => unknown> & { LINETYPE?: Record<string, number> };
    if (type.startsWith('flowchart')) {
      const subgraphs = d.getSubGraphs() as { id: string }[];
      const ids = new Set(subgraphs.map((s) => s.id));
      const vertices = [...(d.getVertices() as Map<string, unknown>).keys()].filter((k) => !ids.has(k));
      return { type: 'flowchart', nodes: vertices.length, edges: (d.getEdges() as unknown[]).length, groups: subgraphs.length };
    }
    if (type === 'sequence') {
      const note = d.LINETYPE!.NOTE;
      const messages = (d.getMessages() as { from?: string; to?: string; type: number }[]).filter((m) => m.from && m.to && m.type !== note);
      return { type, nodes: (d.getActors() as Map<string, unknown>).size, steps: messages.length };
    }
    const data = d.getData() as { nodes: { id: string; shape: string; isGroup: boolean }[]; edges: { start: string; end: string }[] };
    const notes = new Set(data.nodes.filter((n) => n.shape === 'note' || n.shape === 'noteGroup').map((n) => n.id));
    const states = data.nodes.filter((n) => !n.isGroup && !notes.has(n.id));
    // Transitions: mermaid also draws a link from each note to its state.
    const transitions = data.edges.filter((e) => !notes.has(e.start) && !notes.has(e.end));
    return { type, nodes: states.length, edges: transitions.length };
  });
}
