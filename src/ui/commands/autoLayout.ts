// The auto-layout command: ELK in the layout worker, applied as one undo step.
import { canvasApi } from '../../canvas/canvasApi';
import { actions, documentStore, uiStore } from '../stores';

let running = false;

export async function autoLayout(): Promise<void> {
  if (running) return;
  running = true;
  const before = documentStore.getState().diagram;
  const slow = setTimeout(() => uiStore.getState().notify('Laying out…'), 300);
  try {
    const { layoutInWorker } = await import('../../layout/browserLayout');
    const layout = await layoutInWorker(before);
    if (documentStore.getState().diagram.id !== before.id) return;
    actions.applyLayout('Auto-layout', layout);
    requestAnimationFrame(() => canvasApi()?.fitView());
  } catch (error) {
    uiStore.getState().notify(`Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  } finally {
    clearTimeout(slow);
    running = false;
  }
}
