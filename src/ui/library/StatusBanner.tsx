// What needs the person's attention about storage, with what they can do about it.
import type { EditorStorage } from '../../editor/ports';
import { useEditor, useSaveStatus } from '../../react/editorContext';

export function StatusBanner() {
  const editor = useEditor();
  const withSession = async (run: (s: EditorStorage) => Promise<void>) => run(await editor.storageReady);
  const state = useSaveStatus((s) => s.state);
  if (state.kind === 'conflict') {
    return (
      <div className="fl-banner fl-banner-warn" role="alert">
        <span>This diagram was changed in another tab, and this tab has changes of its own. Nothing has been overwritten.</span>
        <button type="button" className="fl-button" onClick={() => void withSession((s) => s.reloadTheirs())}>
          Reload theirs
        </button>
        <button type="button" className="fl-button fl-button-primary" onClick={() => void withSession((s) => s.keepMineAsCopy())}>
          Keep mine as a copy
        </button>
      </div>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div className="fl-banner fl-banner-error" role="alert">
        <span>Not saving: {state.reason}</span>
        <button type="button" className="fl-button" onClick={() => void withSession((s) => s.exportFile())}>
          Export file
        </button>
      </div>
    );
  }
  if (state.kind === 'readonly') {
    return (
      <div className="fl-banner fl-banner-error" role="alert">
        <span>Not saving: {state.reason}</span>
        <button type="button" className="fl-button fl-button-primary" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (state.kind === 'unsaved-copy') {
    return (
      <section className="fl-banner" aria-label="Shared diagram">
        <span>This is a shared diagram. It is not in your library yet, and nothing you have stored was changed.</span>
        <button type="button" className="fl-button fl-button-primary" onClick={() => void withSession((s) => s.saveSharedCopy())}>
          Save to library
        </button>
      </section>
    );
  }
  return null;
}
