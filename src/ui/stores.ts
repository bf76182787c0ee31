// The app's store instances and the hooks that read them with narrow selectors.
import { useStore } from 'zustand';
import { createDocumentStore, type DocumentState } from '../store/documentStore';
import { createPlaybackStore, type PlaybackState } from '../store/playbackStore';
import { documentActions } from '../store/documentActions';
import { createSaveStatus, type SaveStatus } from '../store/saveStatus';
import { createUiStore, type UiState } from '../store/uiStore';

export const documentStore = createDocumentStore();
export const uiStore = createUiStore();
export const actions = documentActions(documentStore);
/** Whether the open diagram is stored; the storage session (loaded after first paint) sets it. */
export const saveStatus = createSaveStatus();
export const playback = createPlaybackStore();

export function useDocument<T>(selector: (s: DocumentState) => T): T {
  return useStore(documentStore, selector);
}

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(uiStore, selector);
}

export function usePlayback<T>(selector: (s: PlaybackState) => T): T {
  return useStore(playback, selector);
}

export function useSaveStatus<T>(selector: (s: SaveStatus) => T): T {
  return useStore(saveStatus, selector);
}

/** Shows a refusal's reason to the user; passes results through. */
export function report<T>(result: T): T {
  const r = result as { ok?: boolean; reason?: string } | undefined;
  if (r && r.ok === false && r.reason) uiStore.getState().notify(r.reason, 'error');
  return result;
}
