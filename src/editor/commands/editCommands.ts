// Edit, view and arrange commands, and one Insert command per kind in the catalog.
import { CATALOG, freeSpot, isContainer, KINDS } from '../../model';
import type { Editor } from '../Editor';
import type { Command } from './registry';

const hasSelection = (e: Editor) => e.hasSelection();
const hasNodeSelection = (e: Editor) => e.ui.getState().selectedNodes.size > 0;
const hasNodes = (e: Editor) => e.diagram.nodes.length > 0;

/** The one selected node when it is a group. */
function selectedGroup(e: Editor): string | null {
  const id = e.singleSelectedNode();
  const kind = id ? e.diagram.nodes.find((n) => n.id === id)?.kind : undefined;
  return kind && isContainer(kind) ? id : null;
}

/** What F2 renames: the one selected node, or else the one selected connection (its label). */
function renameTarget(e: Editor): string | null {
  const node = e.singleSelectedNode();
  if (node) return node;
  const { selectedNodes, selectedEdges } = e.ui.getState();
  return selectedNodes.size === 0 && selectedEdges.size === 1 ? [...selectedEdges][0] : null;
}

export const EDIT_COMMANDS: readonly Command[] = [
  { id: 'edit.undo', label: 'Undo', menu: 'Edit', shortcuts: ['Mod+Z'], when: (e) => e.canUndo(), run: (e) => void e.undo() },
  {
    id: 'edit.redo',
    label: 'Redo',
    menu: 'Edit',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    when: (e) => e.canRedo(),
    run: (e) => void e.redo(),
  },
  {
    id: 'edit.cut',
    label: 'Cut',
    menu: 'Edit',
    shortcuts: ['Mod+X'],
    nativeShortcut: true,
    when: hasNodeSelection,
    run: (e) => e.clipboard.copySelection(true),
  },
  {
    id: 'edit.copy',
    label: 'Copy',
    menu: 'Edit',
    shortcuts: ['Mod+C'],
    nativeShortcut: true,
    when: hasNodeSelection,
    run: (e) => e.clipboard.copySelection(false),
  },
  { id: 'edit.paste', label: 'Paste', menu: 'Edit', shortcuts: ['Mod+V'], nativeShortcut: true, run: (e) => e.clipboard.pasteFromClipboard() },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    menu: 'Edit',
    shortcuts: ['Mod+D'],
    when: hasNodeSelection,
    run: (e) => e.ui.getState().select(e.actions.duplicate(e.selectedNodeIds())),
  },
  {
    id: 'edit.delete',
    label: 'Delete',
    menu: 'Edit',
    shortcuts: ['Delete', 'Backspace'],
    when: hasSelection,
    run: (e) => {
      const ui = e.ui.getState();
      e.actions.deleteElements([...ui.selectedNodes], [...ui.selectedEdges]);
      ui.clearSelection();
    },
  },
  {
    id: 'edit.selectAll',
    label: 'Select all',
    menu: 'Edit',
    shortcuts: ['Mod+A'],
    when: hasNodes,
    run: (e) =>
      e.ui.getState().select(
        e.diagram.nodes.map((n) => n.id),
        e.diagram.edges.map((x) => x.id),
      ),
  },
  // Escape clears the selection before it closes a replay (sim.close), and after it cancels a run.
  { id: 'edit.deselect', label: 'Clear selection', shortcuts: ['Escape'], priority: 20, when: hasSelection, run: (e) => e.ui.getState().clearSelection() },
  {
    id: 'edit.rename',
    label: 'Rename',
    menu: 'Edit',
    shortcuts: ['F2', 'Enter'],
    keywords: ['label', 'connection label'],
    when: (e) => renameTarget(e) !== null,
    run: (e) => e.ui.getState().setRenaming(renameTarget(e)),
  },
];

export const VIEW_COMMANDS: readonly Command[] = [
  { id: 'view.fit', label: 'Fit view', menu: 'View', shortcuts: ['Shift+1'], run: (e) => e.viewport?.fitView() },
  {
    id: 'view.fitSelection',
    label: 'Zoom to selection',
    menu: 'View',
    shortcuts: ['Shift+2'],
    when: hasNodeSelection,
    run: (e) => e.viewport?.fitNodes(e.selectedNodeIds()),
  },
  { id: 'view.zoomIn', label: 'Zoom in', menu: 'View', shortcuts: ['='], run: (e) => e.viewport?.zoomIn() },
  { id: 'view.zoomOut', label: 'Zoom out', menu: 'View', shortcuts: ['-'], run: (e) => e.viewport?.zoomOut() },
  { id: 'view.minimap', label: 'Show or hide minimap', menu: 'View', shortcuts: ['Shift+M'], run: (e) => e.ui.getState().toggle('showMinimap') },
  { id: 'view.snap', label: 'Snap to grid on or off', menu: 'View', shortcuts: ['Shift+G'], run: (e) => e.ui.getState().toggle('snapToGrid') },
  { id: 'view.palette', label: 'Show or hide component palette', menu: 'View', shortcuts: ['Shift+P'], run: (e) => e.ui.getState().toggle('paletteOpen') },
  { id: 'view.inspector', label: 'Show or hide inspector', menu: 'View', shortcuts: ['Shift+I'], run: (e) => e.ui.getState().toggleInspector() },
  { id: 'view.commands', label: 'Command palette…', menu: 'View', shortcuts: ['Mod+K'], run: (e) => e.ui.getState().toggle('commandPaletteOpen', true) },
];

export const ARRANGE_COMMANDS: readonly Command[] = [
  { id: 'arrange.layout', label: 'Auto-layout', menu: 'Arrange', shortcuts: ['Mod+Shift+L'], when: hasNodes, run: (e) => e.canvas.autoLayout() },
  {
    id: 'arrange.group',
    label: 'Group selection',
    menu: 'Arrange',
    shortcuts: ['Mod+G'],
    when: hasNodeSelection,
    run: (e) => {
      const result = e.report(e.actions.group(e.selectedNodeIds()));
      if (!result.ok) return;
      e.ui.getState().select([result.value.id]);
      e.ui.getState().setRenaming(result.value.id);
    },
  },
  {
    id: 'arrange.ungroup',
    label: 'Ungroup',
    menu: 'Arrange',
    shortcuts: ['Mod+Shift+G'],
    when: (e) => selectedGroup(e) !== null,
    run: (e) => {
      const result = e.report(e.actions.ungroup(selectedGroup(e)!));
      if (result.ok) e.ui.getState().select(result.value);
    },
  },
  { id: 'arrange.lr', label: 'Flow left to right', menu: 'Arrange', run: (e) => e.canvas.turnFlow('LR') },
  { id: 'arrange.tb', label: 'Flow top to bottom', menu: 'Arrange', run: (e) => e.canvas.turnFlow('TB') },
];

export const INSERT_COMMANDS: readonly Command[] = KINDS.map(
  (kind): Command => ({
    id: `insert.${kind}`,
    label: `Add ${CATALOG[kind].label}`,
    menu: 'Insert',
    run: (e) => void e.canvas.addComponentAt(kind, freeSpot(e.diagram, e.canvas.viewCenter())),
  }),
);
