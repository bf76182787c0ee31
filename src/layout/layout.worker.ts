// The layout worker: ELK and the layout function off the main thread, so big diagrams never
// freeze the page.
import * as Comlink from 'comlink';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Diagram } from '../model';
import { layoutDiagram } from './layoutDiagram';

const elk = new ELK();

const api = {
  async layout(d: Diagram) {
    return layoutDiagram(d, elk);
  },
};

export type LayoutWorkerApi = typeof api;

Comlink.expose(api);
