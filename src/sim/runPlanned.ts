// The runs of a replication or a sweep, one after another in this thread: what a worker does
// with its share, and what tests and the CLI without workers do with all of them.
import type { Diagram, Scenario } from '../model';
import { checkOutcomes } from '../templates/outcomes';
import type { Expectation } from '../templates/types';
import { digestRun, type RunDigest } from './replicate';
import { simulate } from './simulate';

export interface SimJob {
  diagram: Diagram;
  scenario: Scenario;
  seed: number;
  /** A drill's stated outcomes, checked on the run where it ran (the digest carries which held). */
  expect?: readonly Expectation[];
}

export function runJob(job: SimJob): RunDigest {
  const run = simulate(job.diagram, job.scenario, { seed: job.seed, sampleLimit: 0 });
  const digest = digestRun(run);
  if (job.expect) digest.held = checkOutcomes(run, job.expect).map((c) => c.met);
  return digest;
}

/** Runs every job here, in order; `onDone` after each one, and `isCancelled` is asked between them. */
export async function runJobsHere(jobs: readonly SimJob[], onDone?: (done: number) => void, isCancelled?: () => boolean): Promise<RunDigest[]> {
  const out: RunDigest[] = [];
  for (const job of jobs) {
    if (isCancelled?.()) throw new Error('cancelled');
    out.push(runJob(job));
    onDone?.(out.length);
    // Let progress and cancel through between runs.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return out;
}
