// The run worker: simulates off the main thread with progress and cancel, then stores the run
// in the library from here too, so copying it into IndexedDB (tens of milliseconds for a big
// run) never blocks the page. The run comes back with its series buffers transferred.
import * as Comlink from 'comlink';
import type { Diagram, Scenario } from '../../model';
import { FaultlineDb } from '../../persistence/db';
import type { RunRecord } from '../../persistence/records';
import { RunStore } from '../../persistence/runs';
import { simulateAsync } from '../../sim/simulate';
import type { RecordedRun, SimOptions } from '../../sim/types';

let cancelled = false;

function buffers(run: RecordedRun): ArrayBuffer[] {
  const tables = [run.series.node, run.series.nodeFailures, run.series.edge, run.series.client];
  return tables.flatMap((t) => Object.values(t).map((a) => a.buffer as ArrayBuffer));
}

export interface WorkerRunResult {
  run: RecordedRun;
  /** The stored run's record, or null when it was not stored. */
  record: RunRecord | null;
  /** Why storing failed (quota, a newer version of the app), for the person to read. */
  storeError: string | null;
}

async function store(diagramId: string, run: RecordedRun): Promise<RunRecord> {
  const db = new FaultlineDb();
  try {
    await db.open();
    return await new RunStore(db).add(diagramId, run);
  } finally {
    db.close();
  }
}

const api = {
  async run(
    diagram: Diagram,
    scenario: Scenario,
    options: SimOptions,
    storeFor: string | null,
    onProgress: (fraction: number) => void,
  ): Promise<WorkerRunResult> {
    cancelled = false;
    const run = await simulateAsync(diagram, scenario, { ...options, onProgress, isCancelled: () => cancelled, slice: 100_000 });
    let record: RunRecord | null = null;
    let storeError: string | null = null;
    if (storeFor) {
      try {
        record = await store(storeFor, run);
      } catch (error) {
        storeError = error instanceof Error ? error.message : String(error);
      }
    }
    return Comlink.transfer({ run, record, storeError }, buffers(run));
  },
  cancel(): void {
    cancelled = true;
  },
};

export type RunWorkerApi = typeof api;

Comlink.expose(api);
