// Library commands for the menus, shortcuts and the command palette.
import { registerCommands } from '../commands/registry';
import { pickFile } from '../pickFile';
import { uiStore } from '../stores';

const session = async () => (await import('./session')).session;

export async function openDiagramFile(file: File): Promise<void> {
  await (await session()).importFile(file);
}

registerCommands([
  { id: 'file.new', label: 'New diagram', menu: 'File', run: async () => (await session()).newDiagram() },
  { id: 'file.library', label: 'Open library…', menu: 'File', shortcuts: ['Mod+O'], run: () => uiStore.getState().toggle('libraryOpen', true) },
  {
    id: 'file.save',
    label: 'Save now',
    menu: 'File',
    shortcuts: ['Mod+S'],
    run: async () => {
      await (await session()).flush();
    },
  },
  { id: 'file.exportFile', label: 'Export file (.faultline.json)', menu: 'File', run: async () => (await session()).exportFile() },
  {
    id: 'file.openFile',
    label: 'Open file (.faultline.json)…',
    menu: 'File',
    run: async () => {
      const file = await pickFile('.json,application/json');
      if (file) await openDiagramFile(file);
    },
  },
  { id: 'file.share', label: 'Copy share link', menu: 'File', run: async () => (await session()).copyShareLink() },
]);
