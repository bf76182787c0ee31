// Ways into the Import dialog: the File menu, the empty canvas, Ctrl/Cmd+O, pasting Mermaid
// text on the canvas, and dropping a .mmd or .md file on it.
import { setFileDropHandler } from '../../canvas/Canvas';
import { onPastedText } from '../commands/clipboard';
import { openDiagramFile } from '../library/libraryCommands';
import { registerCommands } from '../commands/registry';
import { pickFile } from '../pickFile';
import { uiStore } from '../stores';
import { looksLikeMermaid, MERMAID_FILE } from './sniff';

const ACCEPT = '.mmd,.mermaid,.md,.markdown,.txt';

export async function openMermaidFile(file: File): Promise<void> {
  if (/\.json$/i.test(file.name)) return openDiagramFile(file);
  if (!MERMAID_FILE.test(file.name)) {
    uiStore.getState().notify(`${file.name} is not a Faultline, Mermaid or Markdown file (.faultline.json, .mmd, .md or .txt)`, 'error');
    return;
  }
  uiStore.getState().openImport({ text: await file.text(), fileName: file.name });
}

async function chooseFile(): Promise<void> {
  const file = await pickFile(ACCEPT);
  if (file) await openMermaidFile(file);
}

registerCommands([
  { id: 'file.import', label: 'Import Mermaid…', menu: 'File', run: () => uiStore.getState().openImport({ text: '' }) },
  { id: 'file.openMermaid', label: 'Open Mermaid or Markdown file…', menu: 'File', run: chooseFile },
  { id: 'start.import', label: 'Import Mermaid', run: () => uiStore.getState().openImport({ text: '' }) },
]);

onPastedText((text) => {
  if (!looksLikeMermaid(text)) return false;
  uiStore.getState().openImport({ text });
  return true;
});

setFileDropHandler(openMermaidFile);
