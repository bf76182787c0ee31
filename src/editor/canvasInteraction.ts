// What a person does on the canvas, decided here rather than in the React Flow adapter: adding a
// component where it is dropped (inside the innermost group there), dragging (one gesture, with
// the group a node would land in shown as it moves, and the node moved into or out of groups
// when it is dropped), connecting (with the reason when a connection is refused), resizing and
// selecting. The adapter turns React Flow's events into these calls; TestEditor makes the same
// calls, so the behaviour is tested headless.
import type { Direction, Fault, NodeKind, Size, XY } from '../model';
import { absoluteRect, CATALOG, center, connectionRefusal, descendantIds, groupAt, indexNodes, isNodeKind, kindSize } from '../model';
import type { Editor } from './Editor';
import type { FileLike } from './ports';

/** Where a dragged node is: its id and the canvas position of its top-left corner. */
export interface DraggedNode {
  id: string;
  absolute: XY;
}

export const KIND_MIME = 'application/x-faultline-kind';

export class CanvasInteraction {
  private layingOut = false;

  constructor(private readonly editor: Editor) {}

  /** ELK (in a worker in the browser), applied as one undo step, then fitted to the view. */
  async autoLayout(): Promise<void> {
    const e = this.editor;
    if (this.layingOut) return;
    this.layingOut = true;
    const before = e.diagram;
    const slow = setTimeout(() => e.notify('Laying out…'), 300);
    try {
      const layout = await e.layout.layout(before);
      if (e.diagram.id !== before.id) return;
      e.actions.applyLayout('Auto-layout', layout);
      await e.env.nextFrame();
      e.viewport?.fitView();
    } catch (error) {
      e.notify(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      clearTimeout(slow);
      this.layingOut = false;
    }
  }

  /** Turns the flow (left to right, top to bottom) and lays the diagram out that way: one undo step. */
  async turnFlow(direction: Direction): Promise<void> {
    const e = this.editor;
    const before = e.diagram;
    if (before.direction === direction) return;
    try {
      const layout = before.nodes.length > 0 ? await e.layout.layout({ ...before, direction }) : null;
      if (e.diagram.id !== before.id) return;
      e.report(e.actions.turnFlow(direction, layout));
      await e.env.nextFrame();
      e.viewport?.fitView();
    } catch (error) {
      e.notify(`The layout for the new direction failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  }

  /** Adds a component with its centre at `point`, inside the innermost group there, selected. */
  addComponentAt(kind: NodeKind, point: XY) {
    const e = this.editor;
    const d = e.diagram;
    const size = kindSize(kind);
    const parentId = groupAt(d, point);
    const origin = parentId ? absoluteRect(indexNodes(d), parentId) : { x: 0, y: 0 };
    const position = { x: Math.round(point.x - size.width / 2 - origin.x), y: Math.round(point.y - size.height / 2 - origin.y) };
    const result = e.report(e.actions.addComponent(kind, position, parentId ? { parentId } : {}));
    if (result.ok) e.ui.getState().select([result.value.id]);
    return result;
  }

  /** A palette item dropped on the canvas: `data` is what the drag carried. */
  dropKind(data: string, point: XY): boolean {
    if (!isNodeKind(data)) return false;
    this.addComponentAt(data, point);
    return true;
  }

  /** A file dropped on the canvas: a Faultline file opens, Mermaid or Markdown goes to the import. */
  async dropFile(file: FileLike): Promise<void> {
    await this.editor.clipboard.openFile(file);
  }

  /** Why these two cannot be connected, or null: asked while a connection is dragged. */
  connectionRefusal(source: string, target: string): string | null {
    return connectionRefusal(this.editor.diagram, source, target);
  }

  connect(source: string, target: string) {
    const e = this.editor;
    const result = e.report(e.actions.connect(source, target));
    if (result.ok) e.ui.getState().select([], [result.value.id]);
    return result;
  }

  /**
   * A connection dropped without a handle accepting it: on a node's body, on one of its handles of
   * the wrong kind, or on nothing (`onto` null). The node it was dropped on takes it, as in the
   * best editors, or the person is told why it may not. `fromTarget` when it was dragged out of a
   * node's incoming handle.
   */
  connectionDropped(source: string, onto: string | null, fromTarget = false): void {
    if (!onto || onto === source) return;
    const [from, to] = fromTarget ? [onto, source] : [source, onto];
    const reason = this.connectionRefusal(from, to);
    if (reason) this.editor.notify(reason, 'error');
    else this.connect(from, to);
  }

  beginDrag(): void {
    this.editor.doc.getState().beginGesture('Move');
  }

  /** A frame of a drag: the new positions (relative to their parents) and where the pointer is. */
  drag(positions: ReadonlyMap<string, XY>, lead: DraggedNode | null, dragged: readonly string[]): void {
    const e = this.editor;
    if (positions.size > 0 && e.doc.getState().gesture) e.actions.moveNodes(positions);
    if (!lead) return;
    const d = e.diagram;
    const node = d.nodes.find((n) => n.id === lead.id);
    if (!node) return;
    const size = kindSize(node.kind);
    const point = { x: lead.absolute.x + (node.size ?? size).width / 2, y: lead.absolute.y + (node.size ?? size).height / 2 };
    e.ui.getState().setDropTarget(groupAt(d, point, this.excluded(dragged)) ?? null);
  }

  /** The drag ended: each dragged node lands in the group under its centre (or none). One undo step. */
  endDrag(dragged: readonly string[]): void {
    const e = this.editor;
    const d = e.diagram;
    const byId = indexNodes(d);
    const draggedIds = new Set(dragged);
    const exclude = this.excluded(dragged);
    for (const id of dragged) {
      const model = byId.get(id);
      if (!model || (model.parentId && draggedIds.has(model.parentId))) continue;
      const target = groupAt(d, center(absoluteRect(byId, id)), exclude);
      if (target !== model.parentId) e.report(e.actions.setParent([id], target));
    }
    e.ui.getState().setDropTarget(null);
    e.doc.getState().endGesture();
  }

  /** The dragged nodes and everything inside them cannot be where they land. */
  private excluded(dragged: readonly string[]): Set<string> {
    const exclude = new Set(dragged);
    for (const id of descendantIds(this.editor.diagram, exclude)) exclude.add(id);
    return exclude;
  }

  beginResize(): void {
    this.editor.doc.getState().beginGesture('Resize');
  }

  resize(id: string, size: Size, position: XY): void {
    this.editor.actions.resize(id, size, position);
  }

  endResize(): void {
    this.editor.doc.getState().endGesture();
  }

  /** Selection changes reported by the canvas: ids turned on or off. */
  changeSelection(changes: ReadonlyMap<string, boolean>, which: 'nodes' | 'edges'): void {
    const ui = this.editor.ui.getState();
    const current = new Set(which === 'nodes' ? ui.selectedNodes : ui.selectedEdges);
    for (const [id, selected] of changes) {
      if (selected) current.add(id);
      else current.delete(id);
    }
    if (which === 'nodes') ui.select(current, ui.selectedEdges);
    else ui.select(ui.selectedNodes, current);
  }

  clickPane(): void {
    const ui = this.editor.ui.getState();
    ui.clearSelection();
    if (ui.contextMenu) ui.openContextMenu(null);
  }

  startRenaming(id: string): void {
    this.editor.ui.getState().setRenaming(id);
  }

  /** A right-click (or Shift+F10) on a part: select it and offer the faults it can have. */
  openFaultMenu(target: Fault['target'], at: XY): boolean {
    const e = this.editor;
    if (target.type === 'node') {
      const node = e.diagram.nodes.find((n) => n.id === target.id);
      if (!node || !CATALOG[node.kind].faultable) return false;
      e.ui.getState().select([target.id]);
    } else e.ui.getState().select([], [target.id]);
    e.ui.getState().openContextMenu({ x: at.x, y: at.y, target });
    return true;
  }

  /** The fault menu of the one selected node or connection, where it is on screen. */
  openFaultMenuOnSelection(): void {
    const e = this.editor;
    const ui = e.ui.getState();
    const node = ui.selectedNodes.size === 1 ? [...ui.selectedNodes][0] : null;
    const edge = !node && ui.selectedEdges.size === 1 ? [...ui.selectedEdges][0] : null;
    const id = node ?? edge;
    if (!id) return;
    const type = node ? 'node' : 'edge';
    const r = e.viewport?.screenRectOf(type, id);
    this.openFaultMenu({ type, id }, r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : { x: 0, y: 0 });
  }

  /** The diagram point under a screen point, or the point itself without a mounted canvas. */
  toDiagram(screen: XY): XY {
    return this.editor.viewport?.toDiagram(screen) ?? screen;
  }

  /** Where a new component goes when added from a menu: the middle of the view, in free space. */
  viewCenter(): XY {
    return this.editor.viewport?.viewportCenter() ?? { x: 0, y: 0 };
  }
}
