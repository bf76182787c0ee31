// The question the Editor is waiting on (replace, keep both or cancel, say), as a dialog: one
// button per answer, the first one focused; Escape or a click outside answers "no choice".
import { useEditor, useUi } from '../react/editorContext';
import { Modal } from './primitives/Modal';

export function ChoiceDialog() {
  const editor = useEditor();
  const choice = useUi((s) => s.choice);
  const answer = (id: string | null) => editor.ui.getState().answer(id);
  return (
    <Modal open={choice !== null} title={choice?.title ?? ''} className="fl-choice" onClose={() => answer(null)}>
      {choice ? (
        <>
          <p>{choice.message}</p>
          <div className="fl-dialog-actions">
            {choice.options.map((o, i) => (
              <button key={o.id} type="button" autoFocus={i === 0} className={`fl-button${i === 0 ? ' fl-button-primary' : ''}`} onClick={() => answer(o.id)}>
                {o.label}
              </button>
            ))}
          </div>
        </>
      ) : null}
    </Modal>
  );
}
