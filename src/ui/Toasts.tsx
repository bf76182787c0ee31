// Short messages: what happened, and refusals with their reasons.
import { useEffect } from 'react';
import type { Toast as ToastData } from '../store/uiStore';
import { uiStore, useUi } from './stores';

function Toast({ id, message, tone, action }: ToastData) {
  useEffect(() => {
    const t = setTimeout(() => uiStore.getState().dismiss(id), tone === 'error' || action ? 8000 : 3000);
    return () => clearTimeout(t);
  }, [id, tone, action]);
  return (
    <li className={`fl-toast fl-toast-${tone}`}>
      <span>{message}</span>
      {action ? (
        <button
          type="button"
          className="fl-toast-action"
          onClick={() => {
            uiStore.getState().dismiss(id);
            action.run();
          }}
        >
          {action.label}
        </button>
      ) : null}
      <button type="button" aria-label="Dismiss" onClick={() => uiStore.getState().dismiss(id)}>
        ×
      </button>
    </li>
  );
}

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <ol className="fl-toasts" role="status" aria-live="polite" aria-label="Messages">
      {toasts.map((t) => (
        <Toast key={t.id} {...t} />
      ))}
    </ol>
  );
}
