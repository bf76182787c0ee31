// Recorded runs are the largest records: they are capped per diagram and in total, the oldest
// evicted first, and a run the user pinned is never evicted.
import { newId } from '../model';
import { type RestoredRun, restoreRun } from '../sim/restoreRun';
import type { RecordedRun } from '../sim/types';
import type { FaultlineDb } from './db';
import type { RunRecord } from './records';

export const RUNS_PER_DIAGRAM = 10;
export const RUN_BYTES_TOTAL = 150 * 1024 * 1024;

/** About what the run takes in storage: its series buffers plus its JSON parts. */
export function runSize(run: RecordedRun): number {
  const tables = [run.series.node, run.series.nodeFailures, run.series.edge, run.series.client];
  let bytes = 0;
  for (const t of tables) for (const a of Object.values(t)) bytes += a.byteLength;
  bytes += JSON.stringify({ e: run.events, t: run.timeline, s: run.samples, m: run.summary }).length * 2;
  return bytes;
}

function overallSuccess(run: RecordedRun): number {
  let done = 0;
  let ok = 0;
  for (const c of run.summary.clients) {
    done += c.successes + c.degraded + c.failures;
    ok += c.successes + c.degraded;
  }
  return done > 0 ? ok / done : 0;
}

export interface CapLimits {
  perDiagram: number;
  totalBytes: number;
}

export class RunStore {
  constructor(
    private readonly db: FaultlineDb,
    private readonly limits: CapLimits = { perDiagram: RUNS_PER_DIAGRAM, totalBytes: RUN_BYTES_TOTAL },
    private readonly clock: () => number = Date.now,
  ) {}

  async add(diagramId: string, run: RecordedRun): Promise<RunRecord> {
    const record: RunRecord = {
      id: newId('r'),
      diagramId,
      scenarioId: run.scenarioId,
      scenarioName: run.scenarioName,
      createdAt: this.clock(),
      pinned: 0,
      sizeBytes: runSize(run),
      successRatio: overallSuccess(run),
      diagramRevision: run.diagramRevision,
      version: run.version,
      seed: run.seed,
      faultCount: run.faults.length,
    };
    await this.db.transaction('rw', this.db.runs, this.db.runData, async () => {
      await this.db.runs.add(record);
      await this.db.runData.add({ id: record.id, run });
      await this.evict(diagramId);
    });
    return record;
  }

  /** Oldest unpinned runs go first: beyond the per-diagram count, then beyond the total size. */
  private async evict(diagramId: string): Promise<void> {
    const mine = await this.db.runs.where('diagramId').equals(diagramId).sortBy('createdAt');
    const unpinned = mine.filter((r) => r.pinned === 0);
    const excess = unpinned.slice(0, Math.max(0, unpinned.length - this.limits.perDiagram));
    const doomed = new Set(excess.map((r) => r.id));
    const all = await this.db.runs.orderBy('createdAt').toArray();
    let total = all.filter((r) => !doomed.has(r.id)).reduce((sum, r) => sum + r.sizeBytes, 0);
    for (const r of all) {
      if (total <= this.limits.totalBytes) break;
      if (r.pinned === 1 || doomed.has(r.id)) continue;
      doomed.add(r.id);
      total -= r.sizeBytes;
    }
    if (doomed.size > 0) {
      await this.db.runs.bulkDelete([...doomed]);
      await this.db.runData.bulkDelete([...doomed]);
    }
  }

  async list(diagramId: string): Promise<RunRecord[]> {
    return (await this.db.runs.where('diagramId').equals(diagramId).sortBy('createdAt')).reverse();
  }

  /**
   * The run, migrated to the current format; undefined when it is gone. A run that cannot be
   * replayed throws RunFormatError (or NewerRunError) with a message that offers a re-run.
   */
  async get(id: string): Promise<(RestoredRun & { name?: string }) | undefined> {
    const [data, record] = await Promise.all([this.db.runData.get(id), this.db.runs.get(id)]);
    if (!data) return undefined;
    const restored = restoreRun(data.run);
    return record?.name ? { ...restored, name: record.name } : restored;
  }

  async rename(id: string, name: string): Promise<void> {
    // Dexie's update with undefined removes the key: the run goes by its scenario's name again.
    await this.db.runs.update(id, { name: name || undefined });
  }

  async pin(id: string, pinned: boolean): Promise<void> {
    await this.db.runs.update(id, { pinned: pinned ? 1 : 0 });
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.runs, this.db.runData, async () => {
      await this.db.runs.delete(id);
      await this.db.runData.delete(id);
    });
  }
}
