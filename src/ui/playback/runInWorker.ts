// Starts a run in its own worker: progress as it goes, and a cancel that always works (the
// worker is stopped outright if it does not stop by itself).
import * as Comlink from 'comlink';
import type { Diagram, Scenario } from '../../model';
import type { SimOptions } from '../../sim/types';
import { type CancellableJob, cancellableJob } from '../cancellableJob';
import type { RunWorkerApi, WorkerRunResult } from './run.worker';

export type RunningSimulation = CancellableJob<WorkerRunResult>;

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
  return cancellableJob(worker, api.run(diagram, scenario, options, storeFor, Comlink.proxy(onProgress)), () => api.cancel(), 'The simulation');
}
