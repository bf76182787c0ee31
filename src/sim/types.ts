// What a simulation takes and what it records. A recorded run is immutable once made; playback,
// charts, the CLI and comparisons only read it.
import type { Fault, NodeKind } from '../model';

export const CAUSES = ['error', 'timeout', 'overloaded', 'refused', 'circuit-open', 'rate-limited', 'unreachable', 'bulkhead'] as const;
export type Cause = (typeof CAUSES)[number];

export const NODE_METRICS = [
  'arrivals',
  'successes',
  'failures',
  'inFlight',
  'queueDepth',
  'utilisation',
  'p50',
  'p95',
  'p99',
  'wasted',
  'oldestAgeMs',
  /** The engine's verdict at the end of the bucket, as a code of HEALTH_CODES (sim/health.ts). */
  'health',
] as const;
export type NodeMetric = (typeof NODE_METRICS)[number];

export const EDGE_METRICS = ['calls', 'attempts', 'failures', 'timeouts', 'inFlight', 'breaker'] as const;
export type EdgeMetric = (typeof EDGE_METRICS)[number];

export const CLIENT_METRICS = ['requests', 'successes', 'degraded', 'failures', 'p50', 'p99', 'meanMs', 'health'] as const;
export type ClientMetric = (typeof CLIENT_METRICS)[number];

/** Breaker state as recorded in the `breaker` edge series. */
export const BREAKER_CLOSED = 0;
export const BREAKER_OPEN = 1;
export const BREAKER_HALF_OPEN = 2;

export interface SimOptions {
  seed?: number;
  durationMs?: number;
  warmupMs?: number;
  /** Width of a time bucket; by default about 300 buckets over the run. */
  bucketMs?: number;
  /** Upper bound on sampled requests kept for animation. */
  sampleLimit?: number;
}

export interface RunNode {
  id: string;
  label: string;
  kind: NodeKind;
  capacity: number;
}

export interface RunEdge {
  id: string;
  /** The diagram edge this came from: an edge to or from a group runs as several. */
  modelId: string;
  source: string;
  target: string;
}

/** A scenario fault as it ran: what it hit, resolved, so a replay needs no diagram. */
export interface RunFault extends Fault {
  /** Words for people, as in the event log. */
  text: string;
  /** Nodes it acts on (every simulated member of a group). */
  nodes: string[];
  /** Diagram edges it acts on (a partition cuts every edge across the boundary). */
  edges: string[];
}

export interface RunClient {
  id: string;
  label: string;
  sloMs: number;
}

export type RunEventType =
  | 'fault-start'
  | 'fault-end'
  | 'breaker-open'
  | 'breaker-half-open'
  | 'breaker-closed'
  | 'saturated'
  | 'saturation-ended'
  | 'queue-full'
  | 'timeouts'
  | 'unhealthy'
  | 'recovered'
  | 'slo-breach'
  | 'slo-recovered'
  | 'ejected'
  | 'dead-letter';

export interface RunEvent {
  t: number;
  type: RunEventType;
  node?: string;
  edge?: string;
  client?: string;
  fault?: string;
  /** Words for people: what the fault was, what slots wait on, what ratio was seen. */
  detail?: string;
  value?: number;
}

export type IncidentKind = 'fault' | 'amplified' | 'saturated' | 'breaker' | 'timeouts' | 'unhealthy' | 'slo' | 'queue' | 'recovered';

export interface IncidentEntry {
  t: number;
  kind: IncidentKind;
  text: string;
  node?: string;
  edge?: string;
  client?: string;
}

export interface SampledHop {
  edge: string;
  attempt: number;
  sentAt: number;
  /** When the caller learned the outcome (answer, timeout, refusal). */
  settledAt: number;
  outcome: 'ok' | Cause;
}

export interface SampledRequest {
  client: string;
  startedAt: number;
  endedAt: number;
  outcome: 'ok' | 'degraded' | Cause;
  hops: SampledHop[];
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface ClientSummary {
  id: string;
  label: string;
  requests: number;
  successes: number;
  degraded: number;
  failures: number;
  successRatio: number;
  /** End-to-end latency of the requests that succeeded (degraded ones included). */
  latency: LatencySummary;
  /**
   * Of every finished request, failed ones too: a refusal counts its few milliseconds, a timeout
   * the whole wait. The two differ most when failures are fast or slow.
   */
  latencyAll: LatencySummary;
  /** The failed requests by what failed them first; null in runs recorded before version 3. */
  failuresByCause: Record<Cause, number> | null;
}

export interface NodeSummary {
  id: string;
  label: string;
  kind: NodeKind;
  arrivals: number;
  successes: number;
  failures: Record<Cause, number>;
  /** Mean time from arrival to answer of the requests it answered with success. */
  meanResponseMs: number;
  /** The same over every request it finished, refused and failed ones too. */
  meanResponseAllMs: number;
  meanQueueWaitMs: number;
  /** Time-averaged number of requests at the node (waiting, in service or calling out). */
  meanInSystem: number;
  utilisation: number;
  wasted: number;
  maxQueueDepth: number;
  deadLettered: number;
}

export interface EdgeSummary {
  id: string;
  source: string;
  target: string;
  calls: number;
  attempts: number;
  failures: number;
  timeouts: number;
  meanAttempts: number;
  breakerOpened: number;
}

export interface RunSummary {
  /** Requests and jobs are counted from the end of the warm-up. */
  fromMs: number;
  toMs: number;
  clients: ClientSummary[];
  nodes: NodeSummary[];
  edges: EdgeSummary[];
}

export interface RunSeries {
  node: Record<NodeMetric, Float32Array>;
  nodeFailures: Record<Cause, Float32Array>;
  edge: Record<EdgeMetric, Float32Array>;
  client: Record<ClientMetric, Float32Array>;
}

/** The recorded-run format this engine writes; older ones are migrated (sim/runMigrations.ts). */
export const RUN_VERSION = 3;

export interface RecordedRun {
  format: 'faultline-run';
  version: typeof RUN_VERSION;
  diagramId: string;
  /**
   * The revision of what was simulated (model/revision.ts): a run whose diagram or scenario has
   * changed in a way the engine reads since is stale. Null for runs recorded before it existed.
   */
  diagramRevision: string | null;
  diagramName: string;
  scenarioId: string;
  scenarioName: string;
  seed: number;
  durationMs: number;
  warmupMs: number;
  bucketMs: number;
  buckets: number;
  nodes: RunNode[];
  edges: RunEdge[];
  clients: RunClient[];
  faults: RunFault[];
  /** Series are flat: the value of item i in bucket b is at i * buckets + b. */
  series: RunSeries;
  events: RunEvent[];
  timeline: IncidentEntry[];
  samples: SampledRequest[];
  summary: RunSummary;
  stats: { events: number; requests: number; wallMs: number };
}
