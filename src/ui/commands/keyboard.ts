// One keydown listener turns shortcuts into commands from the registry.
import { uiStore } from '../stores';
import { matches } from './shortcut';
import { allCommands, isAvailable } from './registry';

function typingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function interactiveTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('button, a, [role="menuitem"], [role="option"], [role="dialog"]');
}

/** Runs the first available command whose shortcut the key event matches; true if one ran. */
export function runShortcut(e: KeyboardEvent): boolean {
  for (const command of allCommands()) {
    // Several commands can share a key (Escape, the arrows): the first one available takes it.
    if (command.nativeShortcut || !command.shortcuts?.some((s) => matches(s, e)) || !isAvailable(command)) continue;
    e.preventDefault();
    void command.run();
    return true;
  }
  return false;
}

export function installShortcuts(doc: Document = document): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.isComposing) return;
    if (typingTarget(e.target)) return;
    // Dialogs and menus keep their keys (Escape closes them, and only them).
    if ((e.target as HTMLElement | null)?.closest?.('dialog, [role="dialog"], [role="menu"]')) return;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if (plain && interactiveTarget(e.target) && (e.key === 'Enter' || e.key === ' ')) return;
    if (uiStore.getState().commandPaletteOpen) return;
    runShortcut(e);
  };
  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}
