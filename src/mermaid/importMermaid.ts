// The whole import: Mermaid text -> (mermaid's parser) -> intermediate graph -> diagram -> layout.
// Layout is injected (ELK in a worker in the browser, in-process in Node); sequence diagrams get
// their participants in a row instead, as Mermaid draws them.
import type { Diagram } from '../model';
import { COMPONENT_SIZE, isContainer } from '../model';
import type { Layout } from '../layout/layoutDiagram';
import { applyAnnotations } from './applyAnnotations';
import { parseMermaid } from './parse';
import { toDiagram, type Converted } from './toDiagram';

export type LayoutFn = (d: Diagram) => Promise<Layout>;

export function applyLayout(d: Diagram, layout: Layout): void {
  for (const n of d.nodes) {
    const p = layout.positions.get(n.id);
    if (p) n.position = p;
    const size = layout.sizes.get(n.id);
    if (size && isContainer(n.kind)) n.size = size;
  }
}

function rowLayout(d: Diagram): void {
  d.nodes.forEach((n, i) => {
    n.position = { x: i * (COMPONENT_SIZE.width + 64), y: 0 };
  });
}

/** `prepare` changes the diagram before it is laid out (a template's setup adds nodes, say). */
export async function importMermaid(text: string, name: string, layout: LayoutFn, prepare?: (d: Diagram) => void): Promise<Converted> {
  const graph = await parseMermaid(text);
  const converted = toDiagram(graph, name);
  converted.notices.push(...applyAnnotations(converted.diagram, text));
  prepare?.(converted.diagram);
  if (graph.kind === 'sequence') rowLayout(converted.diagram);
  else applyLayout(converted.diagram, await layout(converted.diagram));
  return converted;
}
