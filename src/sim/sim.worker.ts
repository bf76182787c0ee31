// The simulation worker: runs off the main thread, reports progress, and hands back the run
// with its series buffers transferred rather than copied.
import * as Comlink from 'comlink';
import type { Diagram, Scenario } from '../model';
import { simulateAsync } from './simulate';
import type { RecordedRun, SimOptions } from './types';

let cancelled = false;

function buffers(run: RecordedRun): ArrayBuffer[] {
  const tables = [run.series.node, run.series.nodeFailures, run.series.edge, run.series.client];
  return tables.flatMap((t) => Object.values(t).map((a) => a.buffer as ArrayBuffer));
}

const api = {
  async run(diagram: Diagram, scenario: Scenario, options: SimOptions, onProgress: (fraction: number) => void): Promise<RecordedRun> {
    cancelled = false;
    const run = await simulateAsync(diagram, scenario, { ...options, onProgress, isCancelled: () => cancelled, slice: 100_000 });
    return Comlink.transfer(run, buffers(run));
  },
  cancel(): void {
    cancelled = true;
  },
};

export type SimWorkerApi = typeof api;

Comlink.expose(api);
