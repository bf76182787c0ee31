// Copy, cut and paste, and text or files arriving from outside (a paste, a drop, a file picker).
// A fragment of a diagram travels as JSON text, so it moves between diagrams, tabs and windows;
// what comes in is untrusted and restored record by record. Mermaid text goes to the import.
import { parseFragment, serializeFragment } from '../files/fragment';
import { extractFragment } from '../model';
import type { Editor } from './Editor';
import type { FileLike } from './ports';
import { looksLikeMermaid, MERMAID_FILE } from './sniff';

const PASTE_STEP = 32;

export class ClipboardActions {
  /** Each paste of the same copy lands a step further, so copies do not stack exactly. */
  private pasteCount = 0;
  /** What was copied last, for when the page may not read the system clipboard. */
  private lastCopied: string | null = null;

  constructor(private readonly editor: Editor) {}

  /** The selection as clipboard text, or null when nothing is selected. */
  selectionText(): string | null {
    const ids = this.editor.selectedNodeIds();
    if (ids.length === 0) return null;
    return serializeFragment(extractFragment(this.editor.diagram, ids));
  }

  /** Remembers what was copied (the browser's copy event carries it to the system clipboard). */
  copied(text: string, cut: boolean): void {
    this.lastCopied = text;
    this.pasteCount = 0;
    if (cut) this.removeSelection();
  }

  /** Copy or cut from a menu or the command palette, through the system clipboard when allowed. */
  async copySelection(cut: boolean): Promise<void> {
    const text = this.selectionText();
    if (!text) return;
    try {
      await this.editor.env.writeClipboard(text);
    } catch {
      // The in-page copy still serves pastes in this tab.
    }
    this.copied(text, cut);
  }

  async pasteFromClipboard(): Promise<void> {
    let text: string | null = null;
    try {
      text = await this.editor.env.readClipboard();
    } catch {
      text = this.lastCopied;
    }
    if (text) this.pasteText(text);
  }

  /** Pasted text: components are inserted, Mermaid opens the import, anything else is explained. */
  pasteText(text: string): void {
    const e = this.editor;
    const fragment = parseFragment(text);
    if (fragment) {
      this.pasteCount += 1;
      const ids = e.actions.paste(fragment, { x: PASTE_STEP * this.pasteCount, y: PASTE_STEP * this.pasteCount });
      e.ui.getState().select(ids);
      return;
    }
    if (looksLikeMermaid(text)) {
      e.ui.getState().openImport({ text });
      return;
    }
    if (text.trim()) e.notify('The clipboard holds no Faultline components or Mermaid to paste', 'error');
  }

  /** A file from a drop or a picker: a Faultline file opens as a new diagram; Mermaid or Markdown is imported. */
  async openFile(file: FileLike): Promise<void> {
    const e = this.editor;
    if (/\.json$/i.test(file.name)) {
      const storage = await e.storageReady;
      await storage.importFile(file);
      return;
    }
    if (!MERMAID_FILE.test(file.name)) {
      e.notify(`${file.name} is not a Faultline, Mermaid or Markdown file (.faultline.json, .mmd, .md or .txt)`, 'error');
      return;
    }
    e.ui.getState().openImport({ text: await file.text(), fileName: file.name });
  }

  private removeSelection(): void {
    const ui = this.editor.ui.getState();
    this.editor.actions.deleteElements([...ui.selectedNodes], [...ui.selectedEdges]);
    ui.clearSelection();
  }
}
