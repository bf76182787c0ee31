// Short messages: what happened, and refusals with their reasons.
import { useEffect } from 'react';
import { uiStore, useUi } from './stores';

function Toast({ id, message, tone }: { id: number; message: string; tone: 'info' | 'error' }) {
  useEffect(() => {
    const t = setTimeout(() => uiStore.getState().dismiss(id), tone === 'error' ? 6000 : 3000);
    return () => clearTimeout(t);
  }, [id, tone]);
  return (
    <li className={`fl-toast fl-toast-${tone}`}>
      <span>{message}</span>
      <button type="button" aria-label="Dismiss" onClick={() => uiStore.getState().dismiss(id)}>
        ×
      </button>
    </li>
  );
}

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <ol className="fl-toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <Toast key={t.id} {...t} />
      ))}
    </ol>
  );
}
