// The document store: the open diagram and its undo history, recorded as immer patches.
// A vanilla zustand store, so tests drive it headless and React binds to it with selectors.
import { applyPatches, enablePatches, type Patch, produceWithPatches } from 'immer';
import { createStore } from 'zustand/vanilla';
import type { Diagram, Result } from '../model';
import { createDiagram } from '../model';

enablePatches();

export interface HistoryEntry {
  label: string;
  patches: Patch[];
  inverse: Patch[];
}

/** How a change enters history: its own step, or folded into the gesture under way. */
export type HistoryMode = 'record' | 'gesture';

export interface DocumentState {
  diagram: Diagram;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** A gesture (a drag, a resize) collects its many small changes into one undo step. */
  gesture: HistoryEntry | null;
  /** Bumped on every change of the diagram, so savers and views can tell it moved. */
  revision: number;
  /** Replaces the document (open, new, reload); history starts afresh. */
  load(diagram: Diagram): void;
  /**
   * Runs an edit as one named change. An edit that refuses (returns `{ ok: false }`) changes
   * nothing; anything else is committed.
   */
  apply<T>(label: string, edit: (draft: Diagram) => T): T;
  beginGesture(label: string): void;
  endGesture(): void;
  undo(): string | null;
  redo(): string | null;
}

export const HISTORY_LIMIT = 200;

function isRefusal(value: unknown): value is { ok: false; reason: string } {
  return typeof value === 'object' && value !== null && (value as Result<unknown>).ok === false;
}

export function createDocumentStore(initial: Diagram = createDiagram()) {
  return createStore<DocumentState>()((set, get) => ({
    diagram: initial,
    past: [],
    future: [],
    gesture: null,
    revision: 0,

    load(diagram) {
      set((s) => ({ diagram, past: [], future: [], gesture: null, revision: s.revision + 1 }));
    },

    apply(label, edit) {
      let result!: ReturnType<typeof edit>;
      const state = get();
      const [next, patches, inverse] = produceWithPatches(state.diagram, (draft) => {
        result = edit(draft as Diagram);
      });
      if (isRefusal(result) || patches.length === 0) return result;
      if (state.gesture) {
        state.gesture.patches.push(...patches);
        state.gesture.inverse.unshift(...inverse);
        set({ diagram: next, revision: state.revision + 1 });
      } else {
        const past = [...state.past, { label, patches, inverse }].slice(-HISTORY_LIMIT);
        set({ diagram: next, past, future: [], revision: state.revision + 1 });
      }
      return result;
    },

    beginGesture(label) {
      if (get().gesture) get().endGesture();
      set({ gesture: { label, patches: [], inverse: [] } });
    },

    endGesture() {
      const { gesture, past } = get();
      if (!gesture) return;
      if (gesture.patches.length === 0) set({ gesture: null });
      else set({ gesture: null, past: [...past, gesture].slice(-HISTORY_LIMIT), future: [] });
    },

    undo() {
      get().endGesture();
      const { past, future, diagram, revision } = get();
      const entry = past[past.length - 1];
      if (!entry) return null;
      set({
        diagram: applyPatches(diagram, entry.inverse),
        past: past.slice(0, -1),
        future: [entry, ...future],
        revision: revision + 1,
      });
      return entry.label;
    },

    redo() {
      get().endGesture();
      const { past, future, diagram, revision } = get();
      const entry = future[0];
      if (!entry) return null;
      set({
        diagram: applyPatches(diagram, entry.patches),
        past: [...past, entry],
        future: future.slice(1),
        revision: revision + 1,
      });
      return entry.label;
    },
  }));
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
