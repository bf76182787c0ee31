// The browser's way in to layout: one lazily started worker, shared by every caller.
import * as Comlink from 'comlink';
import type { Diagram } from '../model';
import type { Layout } from './layoutDiagram';
import type { LayoutWorkerApi } from './layout.worker';

let worker: Comlink.Remote<LayoutWorkerApi> | null = null;

export function layoutInWorker(d: Diagram): Promise<Layout> {
  worker ??= Comlink.wrap<LayoutWorkerApi>(new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }));
  return worker.layout(d);
}
