// The Mermaid of the open diagram, live as you edit (read-only), with copy, download and a view
// of how Mermaid itself draws it. The drawing is shown as an image: inert, whatever the labels say.
// A diagram imported from Mermaid is shown in its author's text, with what changed written in.
import { useDeferredValue, useEffect, useState } from 'react';
import type { MermaidText } from '../../mermaid/exportText';
import type { Editor } from '../../editor/Editor';
import { fileNameFor } from '../../editor/fileName';
import { useDocument, useEditor } from '../../react/editorContext';
import { MermaidPicture } from '../primitives/MermaidPicture';

async function copyText(editor: Editor, text: string) {
  try {
    await editor.env.writeClipboard(text);
    editor.notify('Mermaid copied to the clipboard');
  } catch {
    editor.notify('The browser would not let the page use the clipboard; select the text and copy it', 'error');
  }
}

export function CodePanel() {
  const editor = useEditor();
  const diagram = useDeferredValue(useDocument((s) => s.diagram));
  const [out, setOut] = useState<MermaidText | null>(null);
  useEffect(() => {
    let current = true;
    void editor.mermaid.text(diagram).then((made) => {
      if (current) setOut(made);
    });
    return () => {
      current = false;
    };
  }, [editor, diagram]);
  const text = out?.text ?? '';
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
        <button type="button" className="fl-button" disabled={!out} onClick={() => void copyText(editor, text)}>
          Copy
        </button>
        <button type="button" className="fl-button" disabled={!out} onClick={() => editor.env.download(text, fileNameFor(diagram.name, 'mmd'))}>
          Download .mmd
        </button>
        <button type="button" className="fl-reset" aria-label="Close Mermaid code" onClick={() => editor.ui.getState().toggle('codePanelOpen', false)}>
          ×
        </button>
      </header>
      {out?.kept ? <p className="fl-hint fl-code-note">As its author wrote it: what changed here is written in, the rest is the imported text.</p> : null}
      {out?.notice ? (
        <p className="fl-hint fl-code-note" role="status">
          {out.notice}
        </p>
      ) : null}
      {view === 'code' ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex lint/a11y/useAriaPropsSupportedByRole: a scrollable region must be reachable by keyboard to be read; the label names it
        <pre className="fl-code" aria-label="Mermaid text" tabIndex={0}>
          {out ? text : 'Writing Mermaid…'}
        </pre>
      ) : out ? (
        <MermaidPicture text={text} />
      ) : null}
    </aside>
  );
}
