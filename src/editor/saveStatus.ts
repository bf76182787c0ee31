// Whether the open diagram is safely stored, for the status in the top bar and the banners.
import { createStore } from 'zustand/vanilla';

export type SaveState =
  | { kind: 'loading' }
  | { kind: 'saved'; at: number }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string }
  | { kind: 'conflict'; theirs: number }
  | { kind: 'readonly'; reason: string }
  | { kind: 'unsaved-copy' };

export interface SaveStatus {
  state: SaveState;
  set(state: SaveState): void;
}

export function createSaveStatus() {
  return createStore<SaveStatus>()((set) => ({
    state: { kind: 'loading' },
    set: (state) => set({ state }),
  }));
}

export type SaveStatusStore = ReturnType<typeof createSaveStatus>;
