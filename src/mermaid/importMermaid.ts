// The whole import: Mermaid text -> (mermaid's parser) -> intermediate graph -> diagram -> layout.
// Layout is injected (ELK in a worker in the browser, in-process in Node). A sequence diagram's
// participants are laid out by who calls whom, like any architecture: in one row, as Mermaid
// draws them, nine participants were unreadable at fit view.
import type { Diagram } from '../model';
import { isContainer } from '../model';
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

/** `prepare` changes the diagram before it is laid out (a template's setup adds nodes, say). */
export async function importMermaid(text: string, name: string, layout: LayoutFn, prepare?: (d: Diagram) => void): Promise<Converted> {
  const graph = await parseMermaid(text);
  const converted = toDiagram(graph, name);
  converted.diagram.mermaidSource = text;
  converted.notices.push(...applyAnnotations(converted.diagram, text));
  prepare?.(converted.diagram);
  applyLayout(converted.diagram, await layout(converted.diagram));
  return converted;
}
