// Turning chosen Mermaid blocks into diagrams: into a new diagram (several blocks become groups
// side by side) or into the open one as groups, as one undo step either way.
import { produce } from 'immer';
import { importMermaid } from '../mermaid/importMermaid';
import type { Diagram } from '../model';
import { createDiagram, insertDiagramAsGroup, nodeSize } from '../model';
import type { Editor } from './Editor';

export interface ImportBlock {
  name: string;
  text: string;
}

export type ImportTarget = 'new' | 'group';

const GAP = 80;

function widthOf(d: Diagram): number {
  let right = 0;
  for (const n of d.nodes) if (!n.parentId) right = Math.max(right, n.position.x + nodeSize(n).width);
  return right;
}

function heightOf(d: Diagram): number {
  let bottom = 0;
  for (const n of d.nodes) if (!n.parentId) bottom = Math.max(bottom, n.position.y + nodeSize(n).height);
  return bottom;
}

export interface ImportSummary {
  nodes: number;
  edges: number;
  groups: number;
  notices: string[];
}

export async function importBlocks(editor: Editor, blocks: ImportBlock[], target: ImportTarget, title: string): Promise<ImportSummary> {
  const results: Awaited<ReturnType<typeof importMermaid>>[] = [];
  for (const b of blocks) results.push(await importMermaid(b.text, b.name, (d) => editor.layout.layout(d)));
  const notices = results.flatMap((r) => r.notices);
  const nodes = results.reduce((sum, r) => sum + r.counts.nodes, 0);
  const edges = results.reduce((sum, r) => sum + r.counts.edges, 0);
  const groups = results.reduce((sum, r) => sum + r.counts.groups, 0);
  if (target === 'new') {
    const storage = await editor.storageReady;
    if (results.length === 1) await storage.adopt(results[0].diagram);
    else {
      let x = 0;
      const combined = produce(createDiagram(title), (d: Diagram) => {
        for (const r of results) {
          insertDiagramAsGroup(d, r.diagram, { x, y: 0 });
          x += widthOf(r.diagram) + GAP * 2;
        }
      });
      await storage.adopt(combined);
    }
  } else {
    // Centred on the view: the groups side by side, their middle at the middle of the screen.
    const center = editor.canvas.viewCenter();
    const total = results.reduce((sum, r) => sum + widthOf(r.diagram) + GAP * 2, -GAP * 2);
    const store = editor.doc.getState();
    store.beginGesture(`Import ${title}`);
    let x = center.x - total / 2;
    for (const r of results) {
      editor.actions.importAsGroup(r.diagram, { x, y: center.y - heightOf(r.diagram) / 2 });
      x += widthOf(r.diagram) + GAP * 2;
    }
    store.endGesture();
    await editor.env.nextFrame();
    editor.viewport?.fitView();
  }
  return { nodes, edges, groups, notices };
}
