// Copy, cut and paste through the browser's own clipboard events (no permission prompts), so
// fragments travel between diagrams, tabs and windows. The clipboard is untrusted input.
import { extractFragment, type Fragment } from '../../model';
import { parseFragment, serializeFragment } from '../../files/fragment';
import { actions, documentStore, uiStore } from '../stores';

const PASTE_STEP = 32;
let pasteCount = 0;
/** What we copied last, in case the page may not read the system clipboard. */
let lastCopied: string | null = null;

/** Hooks for pasted text that is not a fragment (Mermaid import registers here). */
const textPasteHandlers: ((text: string) => boolean)[] = [];

export function onPastedText(handler: (text: string) => boolean): void {
  textPasteHandlers.push(handler);
}

function selectionText(): string | null {
  const ids = [...uiStore.getState().selectedNodes];
  if (ids.length === 0) return null;
  return serializeFragment(extractFragment(documentStore.getState().diagram, ids));
}

function removeSelection() {
  const ui = uiStore.getState();
  actions.deleteElements([...ui.selectedNodes], [...ui.selectedEdges]);
  ui.clearSelection();
}

function pasteText(text: string): void {
  const fragment: Fragment | null = parseFragment(text);
  if (fragment) {
    pasteCount += 1;
    const ids = actions.paste(fragment, { x: PASTE_STEP * pasteCount, y: PASTE_STEP * pasteCount });
    uiStore.getState().select(ids);
    return;
  }
  if (textPasteHandlers.some((h) => h(text))) return;
  if (text.trim()) uiStore.getState().notify('The clipboard holds no Faultline components to paste', 'error');
}

/** Copy or cut from a menu or the command palette. */
export async function copySelection(cut: boolean): Promise<void> {
  const text = selectionText();
  if (!text) return;
  lastCopied = text;
  pasteCount = 0;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // The in-page copy above still serves pastes in this tab.
  }
  if (cut) removeSelection();
}

export async function pasteFromClipboard(): Promise<void> {
  let text: string | null = null;
  try {
    text = await navigator.clipboard.readText();
  } catch {
    text = lastCopied;
  }
  if (text) pasteText(text);
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function installClipboard(doc: Document = document): () => void {
  const onCopy = (e: ClipboardEvent, cut: boolean) => {
    if (isEditable(e.target) || !doc.getSelection()?.isCollapsed) return;
    const text = selectionText();
    if (!text || !e.clipboardData) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', text);
    lastCopied = text;
    pasteCount = 0;
    if (cut) removeSelection();
  };
  const copy = (e: ClipboardEvent) => onCopy(e, false);
  const cut = (e: ClipboardEvent) => onCopy(e, true);
  const paste = (e: ClipboardEvent) => {
    if (isEditable(e.target)) return;
    const text = e.clipboardData?.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    pasteText(text);
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
