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
    // Video tests compare a decoded frame with the scene the exporter drew for it.
    videoFrame: async (options: import('../video/plan').VideoOptions, i: number) => {
      const run = editor.playback.getState().run;
      if (!run) throw new Error('No run is open');
      const [{ frameScene, frameSource, planVideo }, { drawScene }] = await Promise.all([import('../video/plan'), import('../scene/drawScene')]);
      const plan = planVideo(run, options);
      const canvas = document.createElement('canvas');
      canvas.width = plan.width;
      canvas.height = plan.height;
      drawScene(canvas.getContext('2d')!, frameScene(frameSource(editor.diagram, run, plan), plan, i));
      return canvas.toDataURL('image/png');
    },
    simulate: (...args: Parameters<typeof import('../sim/simulate').simulate>) => import('../sim/simulate').then((m) => m.simulate(...args)),
  };
}
