// The document store: the open diagram and its undo history. Every change comes through `apply`
// with a name; immer records it as patches, which give undo, redo and the change feed that
// autosave, a live session or an interview recording listen to. A gesture (a drag, a resize) is
// one change from its start to its end: its frames are applied without recording, and its end
// records the difference between where it started and where it ended (diff.ts).
import { applyPatches, enablePatches, type Patch, produce, produceWithPatches } from 'immer';
import { createStore } from 'zustand/vanilla';
import type { Diagram, Result } from '../model';
import { createDiagram } from '../model';
import { diffPatches } from './diff';

enablePatches();

export interface HistoryEntry {
  label: string;
  patches: Patch[];
  inverse: Patch[];
}

/** Where a change came from: this person's edit, their undo or redo, or another person. */
export type ChangeOrigin = 'local' | 'undo' | 'redo' | 'remote';

export interface DocumentChange {
  label: string;
  patches: Patch[];
  inverse: Patch[];
  origin: ChangeOrigin;
  /** A frame of a gesture under way: shown and shared, but not an undo step of its own. */
  inGesture: boolean;
}

/** Whether an action's change can be undone (most can; a remote peer's change cannot, here). */
export type HistoryMode = 'record' | 'skip';

export interface DocumentState {
  diagram: Diagram;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** The gesture under way: its name and the diagram as it was when it began. */
  gesture: { label: string; base: Diagram } | null;
  /** Bumped on every change of the diagram, so savers and views can tell it moved. */
  revision: number;
  /** Replaces the document (open, new, reload); history starts afresh. */
  load(diagram: Diagram): void;
  /**
   * Runs an edit as one named change. An edit that refuses (returns `{ ok: false }`) changes
   * nothing; anything else is committed (inside a gesture, as one of its frames).
   */
  apply<T>(label: string, edit: (draft: Diagram) => T, history?: HistoryMode): T;
  /** Applies patches from elsewhere (another person in a live session): no undo step here. */
  applyRemote(label: string, patches: Patch[]): void;
  beginGesture(label: string): void;
  endGesture(): void;
  undo(): string | null;
  redo(): string | null;
  /** Listens to every change with its patches; returns the way to stop. */
  onChange(listener: (change: DocumentChange) => void): () => void;
}

export const HISTORY_LIMIT = 200;

function isRefusal(value: unknown): value is { ok: false; reason: string } {
  return typeof value === 'object' && value !== null && (value as Result<unknown>).ok === false;
}

export function createDocumentStore(initial: Diagram = createDiagram()) {
  const listeners = new Set<(change: DocumentChange) => void>();
  const emit = (change: DocumentChange) => {
    for (const l of listeners) l(change);
  };
  return createStore<DocumentState>()((set, get) => ({
    diagram: initial,
    past: [],
    future: [],
    gesture: null,
    revision: 0,

    load(diagram) {
      set((s) => ({ diagram, past: [], future: [], gesture: null, revision: s.revision + 1 }));
    },

    apply(label, edit, history = 'record') {
      let result!: ReturnType<typeof edit>;
      const state = get();
      if (state.gesture) {
        // A frame of a gesture: no patches recorded (that cost grows with the frames); the
        // gesture's end records the whole change. Listeners still hear each frame.
        const next = produce(state.diagram, (draft) => {
          result = edit(draft as Diagram);
        });
        if (isRefusal(result) || next === state.diagram) return result;
        set({ diagram: next, revision: state.revision + 1 });
        if (listeners.size > 0) emit({ label, ...diffPatches(state.diagram, next), origin: 'local', inGesture: true });
        return result;
      }
      const [next, patches, inverse] = produceWithPatches(state.diagram, (draft) => {
        result = edit(draft as Diagram);
      });
      if (isRefusal(result) || patches.length === 0) return result;
      if (history === 'record') {
        const past = [...state.past, { label, patches, inverse }].slice(-HISTORY_LIMIT);
        set({ diagram: next, past, future: [], revision: state.revision + 1 });
      } else set({ diagram: next, revision: state.revision + 1 });
      emit({ label, patches, inverse, origin: 'local', inGesture: false });
      return result;
    },

    applyRemote(label, patches) {
      if (patches.length === 0) return;
      const state = get();
      set({ diagram: applyPatches(state.diagram, patches), revision: state.revision + 1 });
      emit({ label, patches, inverse: [], origin: 'remote', inGesture: false });
    },

    beginGesture(label) {
      if (get().gesture) get().endGesture();
      set({ gesture: { label, base: get().diagram } });
    },

    endGesture() {
      const { gesture, past, diagram } = get();
      if (!gesture) return;
      if (gesture.base === diagram) {
        set({ gesture: null });
        return;
      }
      const { patches, inverse } = diffPatches(gesture.base, diagram);
      // Dragged away and back again: nothing changed, nothing to undo.
      if (patches.length === 0) {
        set({ gesture: null });
        return;
      }
      set({ gesture: null, past: [...past, { label: gesture.label, patches, inverse }].slice(-HISTORY_LIMIT), future: [] });
    },

    undo() {
      get().endGesture();
      const { past, future, diagram, revision } = get();
      const entry = past[past.length - 1];
      if (!entry) return null;
      set({ diagram: applyPatches(diagram, entry.inverse), past: past.slice(0, -1), future: [entry, ...future], revision: revision + 1 });
      emit({ label: entry.label, patches: entry.inverse, inverse: entry.patches, origin: 'undo', inGesture: false });
      return entry.label;
    },

    redo() {
      get().endGesture();
      const { past, future, diagram, revision } = get();
      const entry = future[0];
      if (!entry) return null;
      set({ diagram: applyPatches(diagram, entry.patches), past: [...past, entry], future: future.slice(1), revision: revision + 1 });
      emit({ label: entry.label, patches: entry.patches, inverse: entry.inverse, origin: 'redo', inGesture: false });
      return entry.label;
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  }));
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
