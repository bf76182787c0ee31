// A batch worker: runs one simulation at a time as it is handed them (a seed of a replication, a
// point of a sweep) and answers with the run's digest, its buffers transferred. The page keeps
// one of these per core.
import * as Comlink from 'comlink';
import type { RunDigest } from '../../sim/replicate';
import { runJob, type SimJob } from '../../sim/runPlanned';

const api = {
  run(job: SimJob): RunDigest {
    const digest = runJob(job);
    return Comlink.transfer(
      digest,
      [...digest.success, ...digest.p99].map((a) => a.buffer as ArrayBuffer),
    );
  },
};

export type BatchWorkerApi = typeof api;

Comlink.expose(api);
