// Starts a run in its own worker: progress as it goes, and a cancel that always works (the
// worker is stopped outright if it does not stop by itself).
import * as Comlink from 'comlink';
import type { Diagram, Scenario } from '../../model';
import type { SimOptions } from '../../sim/types';
import type { RunWorkerApi, WorkerRunResult } from './run.worker';

export interface RunningSimulation {
  result: Promise<WorkerRunResult>;
  cancel(): void;
}

/** `storeFor` is the diagram to file the run under in the library, or null to keep it in memory. */
export function runInWorker(
  diagram: Diagram,
  scenario: Scenario,
  options: SimOptions,
  storeFor: string | null,
  onProgress: (fraction: number) => void,
): RunningSimulation {
  const worker = new Worker(new URL('./run.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<RunWorkerApi>(worker);
  let stop: (reason: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const result = Promise.race([api.run(diagram, scenario, options, storeFor, Comlink.proxy(onProgress)), stopped]).finally(() => worker.terminate());
  return {
    result,
    cancel() {
      void api.cancel();
      stop(new DOMException('The simulation was cancelled', 'AbortError'));
    },
  };
}
