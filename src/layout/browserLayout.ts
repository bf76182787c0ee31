// The browser's way in to layout: one worker, started on first use and kept by its owner (the
// app's Editor), so big diagrams never freeze the page.
import * as Comlink from 'comlink';
import type { Diagram } from '../model';
import type { Layout } from './layoutDiagram';
import type { LayoutWorkerApi } from './layout.worker';

export class WorkerLayout {
  private worker: Comlink.Remote<LayoutWorkerApi> | null = null;

  layout(d: Diagram): Promise<Layout> {
    this.worker ??= Comlink.wrap<LayoutWorkerApi>(new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }));
    return this.worker.layout(d);
  }
}
