// The Mermaid of the open diagram, live as you edit (read-only), with copy, download and a view
// of how Mermaid itself draws it. The drawing is shown as an image: inert, whatever the labels say.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { exportMermaid } from '../../mermaid/exportMermaid';
import { renderMermaid } from '../../mermaid/loadMermaid';
import { downloadText, fileNameFor } from '../download';
import { uiStore, useDocument } from '../stores';

async function copyText(text: string) {
  try {
    await navigator.clipboard.writeText(text);
    uiStore.getState().notify('Mermaid copied to the clipboard');
  } catch {
    uiStore.getState().notify('The browser would not let the page use the clipboard; select the text and copy it', 'error');
  }
}

function Rendered({ text }: { text: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    setError(null);
    renderMermaid(text)
      .then((svg) => {
        if (!live) return;
        made = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        setUrl(made);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [text]);
  if (error) return <p className="fl-field-error" role="alert">Mermaid could not draw this: {error}</p>;
  if (!url) return <p className="fl-muted" role="status">Drawing with Mermaid…</p>;
  return <img className="fl-code-rendered" src={url} alt="The diagram as Mermaid draws it" />;
}

export function CodePanel() {
  const diagram = useDeferredValue(useDocument((s) => s.diagram));
  const text = useMemo(() => exportMermaid(diagram), [diagram]);
  const [view, setView] = useState<'code' | 'rendered'>('code');
  return (
    <aside className="fl-code-panel" aria-label="Mermaid code">
      <header>
        <div role="tablist" aria-label="Mermaid view">
          <button type="button" role="tab" aria-selected={view === 'code'} onClick={() => setView('code')}>
            Code
          </button>
          <button type="button" role="tab" aria-selected={view === 'rendered'} onClick={() => setView('rendered')}>
            Rendered
          </button>
        </div>
        <button type="button" className="fl-button" onClick={() => void copyText(text)}>
          Copy
        </button>
        <button type="button" className="fl-button" onClick={() => downloadText(text, fileNameFor(diagram.name, 'mmd'))}>
          Download .mmd
        </button>
        <button type="button" className="fl-reset" aria-label="Close Mermaid code" onClick={() => uiStore.getState().toggle('codePanelOpen', false)}>
          ×
        </button>
      </header>
      {view === 'code' ? (
        <pre className="fl-code" aria-label="Mermaid text" tabIndex={0}>
          {text}
        </pre>
      ) : (
        <Rendered text={text} />
      )}
    </aside>
  );
}
