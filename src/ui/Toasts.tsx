// Short messages: what happened, and refusals with their reasons.
import { useEffect } from 'react';
import type { Toast as ToastData } from '../editor/uiStore';
import { useEditor, useUi } from '../react/editorContext';

function Toast({ id, message, tone, action }: ToastData) {
  const editor = useEditor();
  useEffect(() => {
    const t = setTimeout(() => editor.ui.getState().dismiss(id), tone === 'error' || action ? 8000 : 3000);
    return () => clearTimeout(t);
  }, [editor, id, tone, action]);
  return (
    <li className={`fl-toast fl-toast-${tone}`}>
      <span>{message}</span>
      {action ? (
        <button
          type="button"
          className="fl-toast-action"
          onClick={() => {
            editor.ui.getState().dismiss(id);
            action.run();
          }}
        >
          {action.label}
        </button>
      ) : null}
      <button type="button" aria-label="Dismiss" onClick={() => editor.ui.getState().dismiss(id)}>
        ×
      </button>
    </li>
  );
}

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    // The live region holds the list, so the messages stay a list to assistive technology.
    <div className="fl-toasts" role="status" aria-live="polite" aria-label="Messages">
      <ol>
        {toasts.map((t) => (
          <Toast key={t.id} {...t} />
        ))}
      </ol>
    </div>
  );
}
