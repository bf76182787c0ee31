// Recorded runs from older versions of the app, brought up to the current format. Stored runs
// are the slowest thing to make again (a long run may take minutes), so each format change comes
// with a step here, and a run that cannot be brought up is offered for a re-run, never replayed
// broken. Fixtures: tests/fixtures/schema/run-v*.json.
import type { Migration, RecordMigrations } from '../model';
import { CLIENT_WINDOW_MS, type Health, healthCode, judgeClient, judgeNode, NODE_WINDOW_MS } from './health';
import { bucketsFor } from './rolling';
import { RUN_VERSION } from './types';

export class NewerRunError extends Error {
  constructor(readonly version: number) {
    super(
      `This run was recorded by a newer version of Faultline (run format ${version}; this app reads up to ${RUN_VERSION}). Update the app, or run the scenario again.`,
    );
    this.name = 'NewerRunError';
  }
}

type Raw = Record<string, unknown>;
type Table = Record<string, ArrayLike<number>>;

const sum = (a: ArrayLike<number>, from: number, to: number) => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
};

/**
 * Version 1 runs carry no health verdicts: they are judged now, from their stored series, by the
 * same functions the engine uses. Two inputs are approximated: a client's window p99 is the
 * highest bucket p99 in the window (the engine keeps the window's histogram), and "down" comes
 * from the crash and hang faults the run lists. The revision of the diagram is unknown.
 */
function addHealthVerdicts(raw: Raw): Raw {
  const buckets = raw.buckets as number;
  const bucketMs = raw.bucketMs as number;
  const series = raw.series as { node: Table; client: Table };
  const nodes = raw.nodes as { id: string }[];
  const clients = raw.clients as { id: string; sloMs: number }[];
  const faults = (raw.faults ?? []) as { type: string; startMs: number; endMs: number; fraction?: number; nodes: string[] }[];
  const nodeWindow = bucketsFor(NODE_WINDOW_MS, bucketMs);
  const clientWindow = bucketsFor(CLIENT_WINDOW_MS, bucketMs);
  const node = series.node;
  const nodeHealth = new Float32Array(nodes.length * buckets);
  nodes.forEach((n, row) => {
    let verdict: Health = 'idle';
    for (let b = 0; b < buckets; b++) {
      const at = row * buckets + b;
      const from = row * buckets + Math.max(0, b - nodeWindow + 1);
      const end = (b + 1) * bucketMs;
      const down = faults.some(
        (f) =>
          f.nodes.includes(n.id) &&
          f.startMs <= end &&
          end < f.endMs &&
          (f.type === 'crash' || f.type === 'hang' || (f.type === 'capacityLoss' && (f.fraction ?? 0) >= 1)),
      );
      verdict = judgeNode(
        {
          done: sum(node.successes, from, at + 1) + sum(node.failures, from, at + 1),
          failures: sum(node.failures, from, at + 1),
          active: node.arrivals[at] > 0 || node.inFlight[at] > 0,
          utilisation: node.utilisation[at],
          down,
        },
        verdict,
      );
      nodeHealth[at] = healthCode(verdict);
    }
  });
  const client = series.client;
  const clientHealth = new Float32Array(clients.length * buckets);
  clients.forEach((c, row) => {
    let verdict: Health = 'idle';
    for (let b = 0; b < buckets; b++) {
      const at = row * buckets + b;
      const from = row * buckets + Math.max(0, b - clientWindow + 1);
      const failures = sum(client.failures, from, at + 1);
      const done = sum(client.successes, from, at + 1) + sum(client.degraded, from, at + 1) + failures;
      let p99 = 0;
      for (let i = from; i <= at; i++) p99 = Math.max(p99, client.p99[i]);
      verdict = judgeClient({ done, failures, p99, sloMs: c.sloMs }, verdict).health;
      clientHealth[at] = healthCode(verdict);
    }
  });
  return {
    ...raw,
    diagramRevision: null,
    series: { ...series, node: { ...series.node, health: nodeHealth }, client: { ...series.client, health: clientHealth } },
  };
}

/**
 * Version 2 summaries had one latency, over every finished request. Version 3 reports successful
 * requests and all finished ones apart: the old figure becomes the second, and stands in for the
 * first, which was not recorded. The failures of a client by cause were not recorded either.
 */
function splitLatency(raw: Raw): Raw {
  const summary = raw.summary as { clients: Raw[]; nodes: Raw[] };
  return {
    ...raw,
    summary: {
      ...summary,
      clients: summary.clients.map((c) => ({ ...c, latencyAll: c.latency, failuresByCause: null })),
      nodes: summary.nodes.map((n) => ({ ...n, meanResponseAllMs: n.meanResponseMs })),
    },
  };
}

export const RUN_STEPS: readonly Migration[] = [
  { from: 1, name: 'run: health verdicts per bucket', up: addHealthVerdicts },
  { from: 2, name: 'run: latency of successful and of all finished requests, apart', up: splitLatency },
];

export const RUN_MIGRATIONS: RecordMigrations = {
  record: 'run',
  current: RUN_VERSION,
  versionKey: 'version',
  steps: RUN_STEPS,
  newer: (version) => new NewerRunError(version),
};
