// UI state that never enters undo history: selection, panels, toggles, messages.
import { createStore } from 'zustand/vanilla';
import type { FaultTarget } from '../model';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** An action offered with the message, such as undoing a delete. */
  action?: { label: string; run(): void };
}

/** Text waiting in the Import dialog: pasted, opened from a file, or dropped. */
export interface ImportRequest {
  text: string;
  fileName?: string;
}

/** A question the person answers before something goes on (replace, keep both or cancel, say). */
export interface Choice {
  title: string;
  message: string;
  /** The answers, first the one a plain Enter gives; closing the dialog answers null. */
  options: readonly { id: string; label: string }[];
  resolve(answer: string | null): void;
  /** Settles once answered, so the next question can wait for it. */
  settled: Promise<void>;
}

/** The right-click menu on a node, an edge or a group: where it opened and on what. */
export interface ContextMenu {
  x: number;
  y: number;
  target: FaultTarget;
}

export type DockTab = 'faults' | 'incident' | 'charts' | 'compare' | 'runs' | 'studies' | 'flows';

export interface UiState {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  snapToGrid: boolean;
  showMinimap: boolean;
  paletteOpen: boolean;
  /** The inspector column as the person left it (remembered on the device). */
  inspectorOpen: boolean;
  /** Folded for now to give an opening side panel room; it comes back when the panel closes. */
  inspectorMakingRoom: boolean;
  commandPaletteOpen: boolean;
  /** The node whose label is being edited in place. */
  renaming: string | null;
  /** The group a dragged node would land in if dropped now. */
  dropTarget: string | null;
  importRequest: ImportRequest | null;
  codePanelOpen: boolean;
  libraryOpen: boolean;
  exportDialogOpen: boolean;
  /** The open run's video export and postmortem dialogs. */
  videoDialogOpen: boolean;
  postmortemOpen: boolean;
  /** The question gallery. */
  galleryOpen: boolean;
  /** The brief of the question the open diagram was started from. */
  briefOpen: boolean;
  /** A picture is being taken: the canvas draws every node in full detail. */
  capturing: boolean;
  toasts: Toast[];
  /** The scenario being edited and run; null means the diagram's first. */
  activeScenarioId: string | null;
  /** A fault of the active scenario, selected on its lane: the inspector edits it. */
  selectedFault: string | null;
  contextMenu: ContextMenu | null;
  /** Width in CSS pixels of the side panel (brief, code, interviewer): it takes it from the canvas. */
  sidePanelWidth: number;
  /** The help sheet that is open: the keyboard shortcuts or the replay's legend. */
  help: 'shortcuts' | 'legend' | null;
  /** The question waiting for an answer, if any (one at a time: a second waits for the first). */
  choice: Choice | null;
  dockOpen: boolean;
  dockTab: DockTab;
  select(nodes: Iterable<string>, edges?: Iterable<string>): void;
  clearSelection(): void;
  setRenaming(id: string | null): void;
  setDropTarget(id: string | null): void;
  openImport(request: ImportRequest): void;
  closeImport(): void;
  toggle(
    key:
      | 'snapToGrid'
      | 'showMinimap'
      | 'paletteOpen'
      | 'commandPaletteOpen'
      | 'codePanelOpen'
      | 'exportDialogOpen'
      | 'videoDialogOpen'
      | 'postmortemOpen'
      | 'capturing'
      | 'libraryOpen'
      | 'galleryOpen'
      | 'briefOpen',
    value?: boolean,
  ): void;
  notify(message: string, tone?: Toast['tone'], action?: Toast['action']): void;
  dismiss(id: number): void;
  setActiveScenario(id: string | null): void;
  selectFault(id: string | null): void;
  openContextMenu(menu: ContextMenu | null): void;
  showHelp(which: UiState['help']): void;
  setSidePanelWidth(width: number): void;
  /** Opens a folded inspector (whoever folded it) or folds an open one. */
  toggleInspector(): void;
  /** Folds the inspector while a side panel needs the room, or gives it back. */
  makeRoomForSidePanel(fold: boolean): void;
  /** Asks the person; resolves to the id of the option chosen, or null when they closed it. */
  ask(question: Omit<Choice, 'resolve' | 'settled'>): Promise<string | null>;
  answer(id: string | null): void;
  showDock(tab?: DockTab, open?: boolean): void;
}

const EMPTY: ReadonlySet<string> = new Set();

/** The side panel's width: its default and the range a person may drag it to. */
export const SIDE_PANEL = { width: 420, min: 300, max: 760 } as const;

export function createUiStore() {
  let toastSeq = 0;
  return createStore<UiState>()((set, get) => ({
    selectedNodes: EMPTY,
    selectedEdges: EMPTY,
    snapToGrid: true,
    showMinimap: true,
    paletteOpen: true,
    inspectorOpen: true,
    inspectorMakingRoom: false,
    commandPaletteOpen: false,
    renaming: null,
    dropTarget: null,
    importRequest: null,
    codePanelOpen: false,
    libraryOpen: false,
    exportDialogOpen: false,
    videoDialogOpen: false,
    postmortemOpen: false,
    galleryOpen: false,
    briefOpen: true,
    capturing: false,
    toasts: [],
    activeScenarioId: null,
    selectedFault: null,
    contextMenu: null,
    choice: null,
    help: null,
    sidePanelWidth: SIDE_PANEL.width,
    dockOpen: false,
    dockTab: 'faults',
    select(nodes, edges = []) {
      set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edges), selectedFault: null });
    },
    clearSelection() {
      set({ selectedNodes: EMPTY, selectedEdges: EMPTY, selectedFault: null });
    },
    setRenaming(id) {
      set({ renaming: id });
    },
    openImport(request) {
      set({ importRequest: request });
    },
    closeImport() {
      set({ importRequest: null });
    },
    setDropTarget(id) {
      set((s) => (s.dropTarget === id ? s : { dropTarget: id }));
    },
    toggle(key, value) {
      set((s) => ({ [key]: value ?? !s[key] }) as Partial<UiState>);
    },
    notify(message, tone = 'info', action) {
      const id = ++toastSeq;
      set((s) => ({ toasts: [...s.toasts.slice(-3), { id, message, tone, ...(action ? { action } : {}) }] }));
    },
    dismiss(id) {
      set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    },
    setActiveScenario(id) {
      set({ activeScenarioId: id, selectedFault: null });
    },
    selectFault(id) {
      set(id ? { selectedFault: id, selectedNodes: EMPTY, selectedEdges: EMPTY } : { selectedFault: null });
    },
    openContextMenu(menu) {
      set({ contextMenu: menu });
    },
    showHelp(which) {
      set({ help: which });
    },
    toggleInspector() {
      set((s) => (s.inspectorOpen && !s.inspectorMakingRoom ? { inspectorOpen: false } : { inspectorOpen: true, inspectorMakingRoom: false }));
    },
    makeRoomForSidePanel(fold) {
      set((s) => (fold ? (s.inspectorOpen ? { inspectorMakingRoom: true } : s) : { inspectorMakingRoom: false }));
    },
    setSidePanelWidth(width) {
      if (Number.isFinite(width)) set({ sidePanelWidth: Math.round(Math.min(SIDE_PANEL.max, Math.max(SIDE_PANEL.min, width))) });
    },
    async ask(question) {
      // One question at a time: a second waits until the first is answered.
      for (let waiting = get().choice; waiting; waiting = get().choice) await waiting.settled;
      let resolve!: (answer: string | null) => void;
      const answered = new Promise<string | null>((r) => (resolve = r));
      const settled = answered.then(() => undefined);
      set({ choice: { ...question, resolve, settled } });
      return answered;
    },
    answer(id) {
      const choice = get().choice;
      if (!choice) return;
      set({ choice: null });
      choice.resolve(id === null || choice.options.some((o) => o.id === id) ? id : null);
    },
    showDock(tab, open = true) {
      set((s) => ({ dockTab: tab ?? s.dockTab, dockOpen: open }));
    },
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
