// With ?debug in the address, the stores are reachable from the console and from benchmarks
// (which load generated diagrams far larger than anyone would draw by hand).
import { canvasApi } from '../canvas/canvasApi';
import { documentStore, playback, uiStore } from './stores';

export function exposeDebugHandle(): void {
  if (!new URLSearchParams(location.search).has('debug')) return;
  (window as unknown as { faultline: unknown }).faultline = {
    documentStore,
    uiStore,
    playback,
    canvas: canvasApi,
    session: () => import('./library/session').then((m) => m.session),
    // Benchmarks simulate in the page itself, with options the UI does not offer.
    simulate: (...args: Parameters<typeof import('../sim/simulate').simulate>) => import('../sim/simulate').then((m) => m.simulate(...args)),
  };
}
