// The library, files, Mermaid in and out, pictures and the question bank.
import { fileNameFor } from '../fileName';
import type { Editor } from '../Editor';
import type { Command } from './registry';

const MERMAID_ACCEPT = '.mmd,.mermaid,.md,.markdown,.txt';
const hasNodes = (e: Editor) => e.diagram.nodes.length > 0;
const openGallery = (e: Editor) => e.ui.getState().toggle('galleryOpen', true);
const openImport = (e: Editor) => e.ui.getState().openImport({ text: '' });

async function mermaidText(e: Editor): Promise<string> {
  const out = await e.mermaid.text(e.diagram);
  if (out.notice) e.notify(out.notice);
  return out.text;
}

async function pickAndOpen(e: Editor, accept: string): Promise<void> {
  const file = await e.env.pickFile(accept);
  if (file) await e.clipboard.openFile(file);
}

export const FILE_COMMANDS: readonly Command[] = [
  { id: 'file.new', label: 'New diagram', menu: 'File', run: async (e) => (await e.storageReady).newDiagram() },
  { id: 'file.library', label: 'Open library…', menu: 'File', shortcuts: ['Mod+O'], run: (e) => e.ui.getState().toggle('libraryOpen', true) },
  { id: 'file.save', label: 'Save now', menu: 'File', shortcuts: ['Mod+S'], run: async (e) => (await e.storageReady).flush() },
  { id: 'file.exportFile', label: 'Export file (.faultline.json)', menu: 'File', run: async (e) => (await e.storageReady).exportFile() },
  { id: 'file.openFile', label: 'Open file (.faultline.json)…', menu: 'File', run: (e) => pickAndOpen(e, '.json,application/json') },
  { id: 'file.share', label: 'Copy share link', menu: 'File', run: async (e) => (await e.storageReady).copyShareLink() },
  { id: 'file.import', label: 'Import Mermaid…', menu: 'File', run: openImport },
  { id: 'file.openMermaid', label: 'Open Mermaid or Markdown file…', menu: 'File', run: (e) => pickAndOpen(e, MERMAID_ACCEPT) },
  { id: 'start.import', label: 'Import Mermaid', start: true, run: openImport },
  {
    id: 'file.copyMermaid',
    label: 'Copy as Mermaid',
    menu: 'File',
    when: hasNodes,
    run: async (e) => {
      const text = await mermaidText(e);
      try {
        await e.env.writeClipboard(text);
        e.notify('Mermaid copied to the clipboard');
      } catch {
        e.ui.getState().toggle('codePanelOpen', true);
        e.notify('The browser would not let the page use the clipboard; copy from the code panel', 'error');
      }
    },
  },
  {
    id: 'file.downloadMermaid',
    label: 'Download Mermaid (.mmd)',
    menu: 'File',
    when: hasNodes,
    run: async (e) => e.env.download(await mermaidText(e), fileNameFor(e.diagram.name, 'mmd')),
  },
  { id: 'file.exportPicture', label: 'Export picture (PNG, SVG)…', menu: 'File', when: hasNodes, run: (e) => e.ui.getState().toggle('exportDialogOpen', true) },
  { id: 'view.code', label: 'Show or hide Mermaid code', menu: 'View', shortcuts: ['Shift+E'], run: (e) => e.ui.getState().toggle('codePanelOpen') },
  { id: 'start.gallery', label: 'Start from an interview question', start: true, run: openGallery },
  { id: 'file.gallery', label: 'New from an interview question…', menu: 'File', run: openGallery },
  {
    id: 'view.brief',
    label: 'Show or hide the question brief',
    menu: 'View',
    shortcuts: ['Shift+B'],
    when: (e) => e.diagram.templateId !== undefined,
    run: (e) => e.ui.getState().toggle('briefOpen'),
  },
];
