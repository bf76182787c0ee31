// The browser's way to run a simulation: a worker per run, progress as it goes, and cancel that
// always works (the worker is stopped outright if it does not stop by itself).
import * as Comlink from 'comlink';
import type { Diagram, Scenario } from '../model';
import type { SimWorkerApi } from './sim.worker';
import type { RecordedRun, SimOptions } from './types';

export interface RunningSimulation {
  result: Promise<RecordedRun>;
  cancel(): void;
}

export function simulateInWorker(diagram: Diagram, scenario: Scenario, options: SimOptions, onProgress: (fraction: number) => void): RunningSimulation {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<SimWorkerApi>(worker);
  let stop: (reason: Error) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const result = Promise.race([api.run(diagram, scenario, options, Comlink.proxy(onProgress)), stopped]).finally(() => worker.terminate());
  return {
    result,
    cancel() {
      void api.cancel();
      stop(new DOMException('The simulation was cancelled', 'AbortError'));
    },
  };
}
