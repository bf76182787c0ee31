// React bindings of the Editor, shared by the canvas and the app shell: React reads the Editor from
// context, each component through a narrow selector on one of its stores; event handlers call
// the Editor's methods. Nothing in the UI holds state of its own beyond what a component draws.
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { DocumentState } from '../editor/documentStore';
import type { InterviewState } from '../editor/interviewControl';
import type { LiveState } from '../editor/liveControl';
import type { Editor } from '../editor/Editor';
import type { PlaybackState } from '../editor/playbackStore';
import type { QuestionsState } from '../editor/questions';
import type { SaveStatus } from '../editor/saveStatus';
import type { StudiesState } from '../editor/studies';
import type { TimerState } from '../editor/timerStore';
import type { UiState } from '../editor/uiStore';

const EditorContext = createContext<Editor | null>(null);

export function EditorProvider({ editor, children }: { editor: Editor; children: ReactNode }) {
  return <EditorContext.Provider value={editor}>{children}</EditorContext.Provider>;
}

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor needs an EditorProvider above it');
  return editor;
}

export function useDocument<T>(selector: (s: DocumentState) => T): T {
  return useStore(useEditor().doc, selector);
}

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useEditor().ui, selector);
}

export function usePlayback<T>(selector: (s: PlaybackState) => T): T {
  return useStore(useEditor().playback, selector);
}

export function useSaveStatus<T>(selector: (s: SaveStatus) => T): T {
  return useStore(useEditor().saveStatus, selector);
}

export function useTimer<T>(selector: (s: TimerState) => T): T {
  return useStore(useEditor().timer, selector);
}

export function useQuestions<T>(selector: (s: QuestionsState) => T): T {
  return useStore(useEditor().questions.state, selector);
}

export function useLive<T>(selector: (s: LiveState) => T): T {
  return useStore(useEditor().live.store, selector);
}

export function useInterview<T>(selector: (s: InterviewState) => T): T {
  return useStore(useEditor().interview.store, selector);
}

export function useStudies<T>(selector: (s: StudiesState) => T): T {
  return useStore(useEditor().studies.store, selector);
}
