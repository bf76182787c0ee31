// The recorded run's schema: what a stored or imported run must hold before the replay reads it.
// A run is migrated to the current format first; one that still does not fit is refused with a
// message that says to run the scenario again, never handed to the replay half-broken.
import * as v from 'valibot';
import { migrateRecord } from '../model';
import { RUN_MIGRATIONS } from './runMigrations';
import { CAUSES, CLIENT_METRICS, EDGE_METRICS, NODE_METRICS, type RecordedRun } from './types';

export class RunFormatError extends Error {
  constructor(detail: string) {
    super(`This run cannot be replayed (${detail}). Run the scenario again to record it anew.`);
    this.name = 'RunFormatError';
  }
}

const count = v.pipe(v.number(), v.integer(), v.minValue(1));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const item = v.looseObject({ id: v.string() });

const RunShape = v.looseObject({
  format: v.literal('faultline-run'),
  diagramId: v.string(),
  diagramRevision: v.nullable(v.string()),
  scenarioId: v.string(),
  scenarioName: v.string(),
  seed: v.number(),
  durationMs: time,
  warmupMs: time,
  bucketMs: v.pipe(v.number(), v.minValue(1)),
  buckets: count,
  nodes: v.array(item),
  edges: v.array(v.looseObject({ id: v.string(), modelId: v.string() })),
  clients: v.array(item),
  faults: v.array(v.looseObject({ type: v.string(), startMs: time, endMs: time })),
  series: v.looseObject({
    node: v.record(v.string(), v.unknown()),
    nodeFailures: v.record(v.string(), v.unknown()),
    edge: v.record(v.string(), v.unknown()),
    client: v.record(v.string(), v.unknown()),
  }),
  events: v.array(v.looseObject({ t: v.number(), type: v.string() })),
  timeline: v.array(v.looseObject({ t: v.number(), kind: v.string(), text: v.string() })),
  samples: v.array(v.unknown()),
  summary: v.looseObject({ clients: v.array(v.unknown()), nodes: v.array(v.unknown()), edges: v.array(v.unknown()) }),
});

/** A series table with every metric, each one value per row and bucket, as Float32Arrays. */
function table(raw: Record<string, unknown>, metrics: readonly string[], rows: number, buckets: number, name: string): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  for (const m of metrics) {
    const values = raw[m];
    const ok = values instanceof Float32Array || (Array.isArray(values) && values.every((x) => typeof x === 'number'));
    if (!ok) throw new RunFormatError(`its ${name} series "${m}" is missing`);
    const array = values instanceof Float32Array ? values : Float32Array.from(values as number[]);
    if (array.length !== rows * buckets) throw new RunFormatError(`its ${name} series "${m}" has ${array.length} values for ${rows} × ${buckets}`);
    out[m] = array;
  }
  return out;
}

export interface RestoredRun {
  run: RecordedRun;
  /** Names of the migration steps applied (empty for a run in the current format). */
  migrated: string[];
}

export function restoreRun(raw: unknown): RestoredRun {
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'faultline-run') throw new RunFormatError('it is not a recorded run');
  const migrated: string[] = [];
  const current = migrateRecord(RUN_MIGRATIONS, raw as Record<string, unknown>, migrated);
  const checked = v.safeParse(RunShape, current);
  if (!checked.success) {
    const issue = checked.issues[0];
    throw new RunFormatError(`${v.getDotPath(issue) ?? 'its shape'}: ${issue.message}`);
  }
  const r = checked.output;
  const series = {
    node: table(r.series.node, NODE_METRICS, r.nodes.length, r.buckets, 'node'),
    nodeFailures: table(r.series.nodeFailures, CAUSES, r.nodes.length, r.buckets, 'failure'),
    edge: table(r.series.edge, EDGE_METRICS, r.edges.length, r.buckets, 'edge'),
    client: table(r.series.client, CLIENT_METRICS, r.clients.length, r.buckets, 'client'),
  };
  return { run: { ...(current as unknown as RecordedRun), series: series as RecordedRun['series'] }, migrated };
}
