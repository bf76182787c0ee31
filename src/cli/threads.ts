// Many simulations on the machine's cores from the command line: worker threads, each taking the
// next job as it finishes one; with one thread, everything runs here. The bundled CLI starts
// dist-cli/worker.mjs; run from source (npm run cli, the tests), the worker is the TypeScript
// file, loaded through tsx.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunDigest } from '../sim/replicate';
import { runJobsHere, type SimJob } from '../sim/runPlanned';

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.mjs', import.meta.url));
  // From source: the worker registers tsx's loader for itself, then loads the TypeScript entry.
  const entry = new URL('./cliWorker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

export async function runJobsOnThreads(jobs: readonly SimJob[], threads: number, onDone?: (done: number) => void): Promise<RunDigest[]> {
  const count = Math.max(1, Math.min(threads, jobs.length));
  if (count === 1) return runJobsHere(jobs, onDone);
  const results: RunDigest[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: count }, startWorker);
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) return resolve();
              const id = next++;
              worker.postMessage({ id, job: jobs[id] });
            };
            worker.on('message', (m: { id: number; digest?: RunDigest; error?: string }) => {
              if (m.error !== undefined) return reject(new Error(m.error));
              results[m.id] = m.digest!;
              onDone?.(++done);
              feed();
            });
            worker.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
