// With ?debug in the address, the Editor is reachable from the console and from benchmarks
// (which load generated diagrams far larger than anyone would draw by hand).
import type { Editor } from '../editor/Editor';

export function exposeDebugHandle(editor: Editor): void {
  if (!new URLSearchParams(location.search).has('debug')) return;
  (window as unknown as { faultline: unknown }).faultline = {
    editor,
    documentStore: editor.doc,
    uiStore: editor.ui,
    playback: editor.playback,
    canvas: () => editor.viewport,
    session: () => editor.storageReady,
    // Benchmarks simulate in the page itself, with options the UI does not offer.
    simulate: (...args: Parameters<typeof import('../sim/simulate').simulate>) => import('../sim/simulate').then((m) => m.simulate(...args)),
  };
}
