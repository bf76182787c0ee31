// Recorded run + time -> what the canvas shows: each node's health and badges, each edge's
// throughput, failures and breaker, and the faults acting at that moment. Pure, so it is tested
// in Node and computed each frame of a replay.
import { type Health, healthOf, judgeEdge } from '../sim/health';
import type { RecordedRun, RunFault } from '../sim/types';
import { BREAKER_HALF_OPEN, BREAKER_OPEN } from '../sim/types';
import { bucketAt, windowSum, type RunIndex } from './runIndex';

export type { Health };
export type BreakerView = 'closed' | 'open' | 'half-open';

/** A fault acting on a part now: its type for a short badge, its words for the tooltip. */
export interface FaultMark {
  type: RunFault['type'];
  text: string;
}

export interface NodeView {
  health: Health;
  /** Share of requests finished in the last window that failed. */
  failureRatio: number;
  inFlight: number;
  queueDepth: number;
  utilisation: number;
  /** Faults acting on this part now. */
  faults: readonly FaultMark[];
}

export interface EdgeView {
  health: Health;
  /** Calls per second over the last window. */
  rate: number;
  /** Throughput relative to the busiest edge of the run, 0..1, for the stroke width. */
  weight: number;
  failureRatio: number;
  breaker: BreakerView;
  faults: readonly FaultMark[];
}

export interface Frame {
  t: number;
  bucket: number;
  nodes: ReadonlyMap<string, NodeView>;
  edges: ReadonlyMap<string, EdgeView>;
}

const NONE: readonly FaultMark[] = [];

function activeFaults(faults: readonly RunFault[], t: number): RunFault[] {
  return faults.filter((f) => f.startMs <= t && t < f.endMs);
}

/**
 * The engine's verdict in force at time t: the one given when the last bucket before t closed,
 * which is also when the event log records a change of it. Before the first bucket closes
 * nothing has been judged.
 */
function verdictAt(run: RecordedRun, codes: Float32Array, row: number, t: number): Health {
  const closed = Math.min(run.buckets, Math.floor(t / run.bucketMs)) - 1;
  return closed < 0 ? 'healthy' : healthOf(codes[row * run.buckets + closed]);
}

export function projectFrame(index: RunIndex, t: number): Frame {
  const { run, window: w, sums } = index;
  const B = run.buckets;
  const b = bucketAt(run, t);
  const active = activeFaults(run.faults ?? [], t);
  const faultTexts = new Map<string, FaultMark[]>();
  const mark = (id: string, f: RunFault) => faultTexts.set(id, [...(faultTexts.get(id) ?? []), { type: f.type, text: f.text }]);
  for (const f of active) {
    mark(f.target.id, f);
    for (const e of f.edges) if (e !== f.target.id) mark(e, f);
  }

  const nodes = new Map<string, NodeView>();
  const s = run.series.node;
  run.nodes.forEach((n, row) => {
    const at = row * B + b;
    const utilisation = s.utilisation[at];
    const inFlight = s.inFlight[at];
    const queueDepth = s.queueDepth[at];
    // The engine's verdict, recorded as the bucket closed: the same judge wrote the timeline.
    const clientRow = index.clientRow.get(n.id);
    const health = verdictAt(run, clientRow !== undefined ? run.series.client.health : s.health, clientRow ?? row, t);
    const done = clientRow !== undefined ? windowSum(sums.clientDone, B, clientRow, b, w) : windowSum(sums.nodeDone, B, row, b, w);
    const failures = clientRow !== undefined ? windowSum(sums.clientFailures, B, clientRow, b, w) : windowSum(sums.nodeFailures, B, row, b, w);
    nodes.set(n.id, { health, failureRatio: done > 0 ? failures / done : 0, inFlight, queueDepth, utilisation, faults: faultTexts.get(n.id) ?? NONE });
  });
  // Faults on parts the run does not simulate (a group) still show where they were put.
  for (const [id, texts] of faultTexts) {
    if (!nodes.has(id) && !index.edgeRows.has(id))
      nodes.set(id, { health: 'idle', failureRatio: 0, inFlight: 0, queueDepth: 0, utilisation: 0, faults: texts });
  }

  const edges = new Map<string, EdgeView>();
  const seconds = (w * run.bucketMs) / 1000;
  const breakers = run.series.edge.breaker;
  for (const [id, rows] of index.edgeRows) {
    let calls = 0;
    let failures = 0;
    let breaker: BreakerView = 'closed';
    for (const r of rows) {
      calls += windowSum(sums.edgeCalls, B, r, b, w);
      failures += windowSum(sums.edgeFailures, B, r, b, w);
      const state = breakers[r * B + b];
      if (state === BREAKER_OPEN) breaker = 'open';
      else if (state === BREAKER_HALF_OPEN && breaker === 'closed') breaker = 'half-open';
    }
    const rate = calls / seconds;
    const health = judgeEdge(calls, failures);
    edges.set(id, {
      health,
      rate,
      weight: index.maxEdgeRate > 0 ? Math.sqrt(Math.min(1, rate / index.maxEdgeRate)) : 0,
      failureRatio: calls > 0 ? failures / calls : 0,
      breaker,
      faults: faultTexts.get(id) ?? NONE,
    });
  }
  return { t, bucket: b, nodes, edges };
}

function sameMarks(a: readonly FaultMark[], b: readonly FaultMark[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x.text === b[i].text));
}

function sameView<V extends NodeView | EdgeView>(a: V, b: V): boolean {
  for (const k of Object.keys(a) as (keyof V)[]) {
    if (k === 'faults') {
      if (!sameMarks(a[k] as readonly FaultMark[], b[k] as readonly FaultMark[])) return false;
    } else if (a[k] !== b[k]) return false;
  }
  return true;
}

function keepUnchanged<V extends NodeView | EdgeView>(next: ReadonlyMap<string, V>, previous: ReadonlyMap<string, V>): Map<string, V> {
  const out = new Map<string, V>();
  for (const [id, view] of next) {
    const before = previous.get(id);
    out.set(id, before && sameView(before, view) ? before : view);
  }
  return out;
}

/**
 * The next frame, reusing the previous frame's view objects wherever nothing changed, so a
 * node or an edge re-renders only when what it shows changes.
 */
export function nextFrame(index: RunIndex, t: number, previous: Frame | null): Frame {
  const frame = projectFrame(index, t);
  if (!previous) return frame;
  return { ...frame, nodes: keepUnchanged(frame.nodes, previous.nodes), edges: keepUnchanged(frame.edges, previous.edges) };
}
