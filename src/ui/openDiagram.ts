// Opening a diagram that did not come from the library (an import, a template, a link).
import type { Diagram } from '../model';
import { documentStore, uiStore } from './stores';

export function openNewDiagram(diagram: Diagram): void {
  documentStore.getState().load(diagram);
  uiStore.getState().clearSelection();
}
