// Commands are data: this one list drives the menus, the keyboard shortcuts and the command
// palette. Other features add theirs with `registerCommands`.
import { addComponentAt } from '../../canvas/Canvas';
import { canvasApi } from '../../canvas/canvasApi';
import { CATALOG, freeSpot, KINDS } from '../../model';
import { actions, documentStore, report, uiStore } from '../stores';
import { autoLayout } from './autoLayout';
import { copySelection, pasteFromClipboard } from './clipboard';

export type MenuName = 'File' | 'Edit' | 'View' | 'Arrange' | 'Insert' | 'Simulate' | 'Help';

export interface Command {
  id: string;
  label: string;
  menu?: MenuName;
  /** First is shown; all are matched. */
  shortcuts?: readonly string[];
  /** Handled by the browser's own copy/cut/paste events, so the key handler leaves it alone. */
  nativeShortcut?: boolean;
  when?: () => boolean;
  run: () => void | Promise<void>;
}

const hasSelection = () => uiStore.getState().selectedNodes.size + uiStore.getState().selectedEdges.size > 0;
const hasNodeSelection = () => uiStore.getState().selectedNodes.size > 0;
const singleNode = () => (uiStore.getState().selectedNodes.size === 1 ? [...uiStore.getState().selectedNodes][0] : null);
const selectedGroup = () => {
  const id = singleNode();
  const kind = id ? documentStore.getState().diagram.nodes.find((n) => n.id === id)?.kind : undefined;
  return kind && CATALOG[kind].container ? id : null;
};
const hasNodes = () => documentStore.getState().diagram.nodes.length > 0;

function announce(label: string | null, verb: string) {
  if (label) uiStore.getState().notify(`${verb}: ${label}`);
}

const commands: Command[] = [
  {
    id: 'edit.undo',
    label: 'Undo',
    menu: 'Edit',
    shortcuts: ['Mod+Z'],
    when: () => documentStore.getState().past.length > 0,
    run: () => announce(documentStore.getState().undo(), 'Undid'),
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    menu: 'Edit',
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    when: () => documentStore.getState().future.length > 0,
    run: () => announce(documentStore.getState().redo(), 'Redid'),
  },
  { id: 'edit.cut', label: 'Cut', menu: 'Edit', shortcuts: ['Mod+X'], nativeShortcut: true, when: hasNodeSelection, run: () => copySelection(true) },
  { id: 'edit.copy', label: 'Copy', menu: 'Edit', shortcuts: ['Mod+C'], nativeShortcut: true, when: hasNodeSelection, run: () => copySelection(false) },
  { id: 'edit.paste', label: 'Paste', menu: 'Edit', shortcuts: ['Mod+V'], nativeShortcut: true, run: pasteFromClipboard },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    menu: 'Edit',
    shortcuts: ['Mod+D'],
    when: hasNodeSelection,
    run: () => {
      const ids = actions.duplicate([...uiStore.getState().selectedNodes]);
      uiStore.getState().select(ids);
    },
  },
  {
    id: 'edit.delete',
    label: 'Delete',
    menu: 'Edit',
    shortcuts: ['Delete', 'Backspace'],
    when: hasSelection,
    run: () => {
      const ui = uiStore.getState();
      actions.deleteElements([...ui.selectedNodes], [...ui.selectedEdges]);
      ui.clearSelection();
    },
  },
  {
    id: 'edit.selectAll',
    label: 'Select all',
    menu: 'Edit',
    shortcuts: ['Mod+A'],
    when: hasNodes,
    run: () => {
      const d = documentStore.getState().diagram;
      uiStore.getState().select(
        d.nodes.map((n) => n.id),
        d.edges.map((e) => e.id),
      );
    },
  },
  { id: 'edit.deselect', label: 'Clear selection', shortcuts: ['Escape'], when: hasSelection, run: () => uiStore.getState().clearSelection() },
  {
    id: 'edit.rename',
    label: 'Rename',
    menu: 'Edit',
    shortcuts: ['F2', 'Enter'],
    when: () => singleNode() !== null,
    run: () => uiStore.getState().setRenaming(singleNode()),
  },
  { id: 'view.fit', label: 'Fit view', menu: 'View', shortcuts: ['Shift+1'], run: () => canvasApi()?.fitView() },
  { id: 'view.zoomIn', label: 'Zoom in', menu: 'View', shortcuts: ['='], run: () => canvasApi()?.zoomIn() },
  { id: 'view.zoomOut', label: 'Zoom out', menu: 'View', shortcuts: ['-'], run: () => canvasApi()?.zoomOut() },
  { id: 'view.minimap', label: 'Show or hide minimap', menu: 'View', shortcuts: ['Shift+M'], run: () => uiStore.getState().toggle('showMinimap') },
  { id: 'view.snap', label: 'Snap to grid on or off', menu: 'View', shortcuts: ['Shift+G'], run: () => uiStore.getState().toggle('snapToGrid') },
  { id: 'view.palette', label: 'Show or hide component palette', menu: 'View', shortcuts: ['Shift+P'], run: () => uiStore.getState().toggle('paletteOpen') },
  { id: 'view.commands', label: 'Command palette…', menu: 'View', shortcuts: ['Mod+K'], run: () => uiStore.getState().toggle('commandPaletteOpen', true) },
  { id: 'arrange.layout', label: 'Auto-layout', menu: 'Arrange', shortcuts: ['Mod+Shift+L'], when: hasNodes, run: autoLayout },
  {
    id: 'arrange.group',
    label: 'Group selection',
    menu: 'Arrange',
    shortcuts: ['Mod+G'],
    when: hasNodeSelection,
    run: () => {
      const result = report(actions.group([...uiStore.getState().selectedNodes]));
      if (result.ok) {
        uiStore.getState().select([result.value.id]);
        uiStore.getState().setRenaming(result.value.id);
      }
    },
  },
  {
    id: 'arrange.ungroup',
    label: 'Ungroup',
    menu: 'Arrange',
    shortcuts: ['Mod+Shift+G'],
    when: () => selectedGroup() !== null,
    run: () => {
      const result = report(actions.ungroup(selectedGroup()!));
      if (result.ok) uiStore.getState().select(result.value);
    },
  },
  { id: 'arrange.lr', label: 'Flow left to right', menu: 'Arrange', run: () => void actions.setDirection('LR') },
  { id: 'arrange.tb', label: 'Flow top to bottom', menu: 'Arrange', run: () => void actions.setDirection('TB') },
  ...KINDS.map(
    (kind): Command => ({
      id: `insert.${kind}`,
      label: `Add ${CATALOG[kind].label}`,
      menu: 'Insert',
      run: () => void addComponentAt(kind, freeSpot(documentStore.getState().diagram, canvasApi()?.viewportCenter() ?? { x: 0, y: 0 })),
    }),
  ),
];

export function registerCommands(more: readonly Command[]): void {
  for (const c of more) {
    const at = commands.findIndex((x) => x.id === c.id);
    if (at >= 0) commands[at] = c;
    else commands.push(c);
  }
}

export function allCommands(): readonly Command[] {
  return commands;
}

export function isAvailable(c: Command): boolean {
  return c.when ? c.when() : true;
}
