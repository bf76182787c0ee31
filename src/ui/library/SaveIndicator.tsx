// The save status in the top bar: saved, saving, or not saving and why.
import { useSaveStatus } from '../../react/editorContext';

export function SaveIndicator() {
  const state = useSaveStatus((s) => s.state);
  const text: Record<typeof state.kind, string> = {
    loading: 'Opening…',
    saved: 'Saved',
    pending: 'Unsaved changes',
    saving: 'Saving…',
    failed: 'Not saving',
    conflict: 'Changed in another tab',
    readonly: 'Read-only',
    'unsaved-copy': 'Not in your library',
  };
  const bad = state.kind === 'failed' || state.kind === 'conflict' || state.kind === 'readonly';
  return (
    <span className="fl-save" data-state={state.kind} data-bad={bad || undefined} role="status" aria-label="Save status">
      {text[state.kind]}
    </span>
  );
}
