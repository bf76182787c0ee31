// Ways out: Mermaid to the clipboard or a file, the live code panel, pictures.
import { registerCommands } from '../commands/registry';
import { downloadText, fileNameFor } from '../download';
import { documentStore, uiStore } from '../stores';

const hasNodes = () => documentStore.getState().diagram.nodes.length > 0;

async function mermaidText(): Promise<string> {
  const { exportMermaid } = await import('../../mermaid/exportMermaid');
  return exportMermaid(documentStore.getState().diagram);
}

registerCommands([
  {
    id: 'file.copyMermaid',
    label: 'Copy as Mermaid',
    menu: 'File',
    when: hasNodes,
    run: async () => {
      const text = await mermaidText();
      try {
        await navigator.clipboard.writeText(text);
        uiStore.getState().notify('Mermaid copied to the clipboard');
      } catch {
        uiStore.getState().toggle('codePanelOpen', true);
        uiStore.getState().notify('The browser would not let the page use the clipboard; copy from the code panel', 'error');
      }
    },
  },
  {
    id: 'file.downloadMermaid',
    label: 'Download Mermaid (.mmd)',
    menu: 'File',
    when: hasNodes,
    run: async () => downloadText(await mermaidText(), fileNameFor(documentStore.getState().diagram.name, 'mmd')),
  },
  {
    id: 'file.exportPicture',
    label: 'Export picture (PNG, SVG)…',
    menu: 'File',
    when: hasNodes,
    run: () => uiStore.getState().toggle('exportDialogOpen', true),
  },
  { id: 'view.code', label: 'Show or hide Mermaid code', menu: 'View', shortcuts: ['Shift+E'], run: () => uiStore.getState().toggle('codePanelOpen') },
]);
