// The Mermaid of the open diagram, live as you edit (read-only), with copy, download and a view
// of how Mermaid itself draws it. The drawing is shown as an image: inert, whatever the labels say.
import { useDeferredValue, useMemo, useState } from 'react';
import { exportMermaid } from '../../mermaid/exportMermaid';
import { downloadText, fileNameFor } from '../download';
import { MermaidPicture } from '../primitives/MermaidPicture';
import { uiStore, useDocument } from '../stores';

async function copyText(text: string) {
  try {
    await navigator.clipboard.writeText(text);
    uiStore.getState().notify('Mermaid copied to the clipboard');
  } catch {
    uiStore.getState().notify('The browser would not let the page use the clipboard; select the text and copy it', 'error');
  }
}

export function CodePanel() {
  const diagram = useDeferredValue(useDocument((s) => s.diagram));
  const text = useMemo(() => exportMermaid(diagram), [diagram]);
  const [view, setView] = useState<'code' | 'rendered'>('code');
  return (
    <aside className="fl-side-panel fl-code-panel" aria-label="Mermaid code">
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
        <MermaidPicture text={text} />
      )}
    </aside>
  );
}
