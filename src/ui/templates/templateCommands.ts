// Question bank commands for the menus, the command palette and the getting-started card.
import { registerCommands } from '../commands/registry';
import { documentStore, uiStore } from '../stores';

const openGallery = () => uiStore.getState().toggle('galleryOpen', true);

registerCommands([
  { id: 'start.gallery', label: 'Start from an interview question', run: openGallery },
  { id: 'file.gallery', label: 'New from an interview question…', menu: 'File', run: openGallery },
  {
    id: 'view.brief',
    label: 'Show or hide the question brief',
    menu: 'View',
    shortcuts: ['Shift+B'],
    when: () => documentStore.getState().diagram.templateId !== undefined,
    run: () => uiStore.getState().toggle('briefOpen'),
  },
]);
