// The browser's own copy, cut and paste events (no permission prompts), handed to the Editor, so
// fragments travel between diagrams, tabs and windows.
import type { Editor } from '../../editor/Editor';

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function installClipboard(editor: Editor, doc: Document = document): () => void {
  const onCopy = (e: ClipboardEvent, cut: boolean) => {
    if (isEditable(e.target) || !doc.getSelection()?.isCollapsed) return;
    const text = editor.clipboard.selectionText();
    if (!text || !e.clipboardData) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', text);
    editor.clipboard.copied(text, cut);
  };
  const copy = (e: ClipboardEvent) => onCopy(e, false);
  const cut = (e: ClipboardEvent) => onCopy(e, true);
  const paste = (e: ClipboardEvent) => {
    if (isEditable(e.target)) return;
    const text = e.clipboardData?.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    editor.clipboard.pasteText(text);
  };
  doc.addEventListener('copy', copy);
  doc.addEventListener('cut', cut);
  doc.addEventListener('paste', paste);
  return () => {
    doc.removeEventListener('copy', copy);
    doc.removeEventListener('cut', cut);
    doc.removeEventListener('paste', paste);
  };
}
