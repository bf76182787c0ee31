// A CLI worker thread: runs the simulations it is handed (a seed of a replication, a point of a
// sweep) and answers each with its digest. One per core (src/cli/threads.ts).
import { parentPort } from 'node:worker_threads';
import { runJob, type SimJob } from '../sim/runPlanned';

parentPort?.on('message', (message: { id: number; job: SimJob }) => {
  try {
    parentPort!.postMessage({ id: message.id, digest: runJob(message.job) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
