// One keydown listener turns shortcuts into the Editor's commands; typing, dialogs and menus keep
// their own keys.
import type { Editor } from '../../editor/Editor';

function typingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el?.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function interactiveTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('button, a, [role="menuitem"], [role="option"], [role="dialog"]');
}

export function installShortcuts(editor: Editor, doc: Document = document): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    if (typingTarget(e.target)) return;
    // Dialogs and menus keep their keys (Escape closes them, and only them).
    if ((e.target as HTMLElement | null)?.closest?.('dialog, [role="dialog"], [role="menu"]')) return;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if (plain && interactiveTarget(e.target) && (e.key === 'Enter' || e.key === ' ')) return;
    if (editor.ui.getState().commandPaletteOpen) return;
    if (editor.handleKey(e)) e.preventDefault();
  };
  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}
