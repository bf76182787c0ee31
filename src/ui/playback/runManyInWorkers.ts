// Many simulations across the machine's cores: one worker per core (navigator.hardwareConcurrency,
// at most one per job), each taking the next job as it finishes one. Cancel stops them all.
import * as Comlink from 'comlink';
import type { BatchJob } from '../../editor/ports';
import type { RunDigest } from '../../sim/replicate';
import type { SimJob } from '../../sim/runPlanned';
import type { BatchWorkerApi } from './batch.worker';

export function runManyInWorkers(jobs: readonly SimJob[], onProgress: (done: number, total: number) => void): BatchJob {
  const cores = Math.max(1, Math.min(jobs.length, typeof navigator !== 'undefined' ? (navigator.hardwareConcurrency ?? 2) : 2));
  const workers = Array.from({ length: cores }, () => new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' }));
  const results: RunDigest[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  let stop: ((error: Error) => void) | null = null;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const lane = async (worker: Worker) => {
    const api = Comlink.wrap<BatchWorkerApi>(worker);
    while (next < jobs.length) {
      const i = next++;
      results[i] = await api.run(jobs[i]);
      onProgress(++done, jobs.length);
    }
  };
  const finished = Promise.all(workers.map(lane)).then(() => results);
  const result = Promise.race([finished, stopped]).finally(() => {
    for (const w of workers) w.terminate();
  });
  return {
    result,
    cancel: () => stop?.(Object.assign(new Error('The study was cancelled'), { name: 'AbortError' })),
  };
}
