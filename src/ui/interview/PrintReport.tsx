// The feedback report as a printable page: the filled Detailed Feedback Template (the same
// Markdown the .md export gives, drawn as elements, never as HTML) and a picture of the final
// design, over the app; printing it (or saving it as PDF from the print dialog) prints only it.
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useEditor } from '../../react/editorContext';
import { takePicture } from '../export/picture';
import { Markdown } from '../templates/Markdown';
import '../templates/templates.css';

export function PrintReport() {
  const editor = useEditor();
  const [report, setReport] = useState<string | null>(null);
  const [picture, setPicture] = useState<{ url: string } | { error: string } | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const close = () => void editor.interview.openPrint(false);

  useEffect(() => {
    let live = true;
    let url: string | null = null;
    void editor.interview.report().then((text) => live && setReport(text));
    takePicture(editor, { format: 'png', scale: 2, transparent: false })
      .then((blob) => {
        url = URL.createObjectURL(blob);
        if (live) setPicture({ url });
      })
      .catch((error: Error) => live && setPicture({ error: error.message }));
    printButton.current?.focus();
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [editor]);

  // Escape closes the page wherever the focus is; the canvas's own Escape does not see it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      void editor.interview.openPrint(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [editor]);

  return createPortal(
    <div className="fl-print" role="dialog" aria-modal="true" aria-label="Printable feedback report">
      <div className="fl-print-actions">
        <span className="fl-muted">Print it, or choose “Save as PDF” as the printer.</span>
        <button ref={printButton} type="button" className="fl-button fl-button-primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button type="button" className="fl-button" onClick={close}>
          Close
        </button>
      </div>
      <article className="fl-print-page">
        <h1>Interview feedback</h1>
        {report ? <Markdown text={report} headings="levels" /> : <p className="fl-muted">Writing the report…</p>}
        <figure className="fl-print-figure">
          {picture === null ? <p className="fl-muted">Drawing the final design…</p> : null}
          {picture && 'url' in picture ? <img src={picture.url} alt="The final design" /> : null}
          {picture && 'error' in picture ? <p className="fl-muted">No picture of the design: {picture.error}</p> : null}
          <figcaption>The final design</figcaption>
        </figure>
      </article>
    </div>,
    document.body,
  );
}
