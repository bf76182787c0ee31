// The document model. Plain serialisable records with stable string ids; anything derivable
// (absolute positions, effective properties, children lists) is computed, never stored.

export const SCHEMA_VERSION = 1;

export type NodeKind =
  | 'client'
  | 'dns'
  | 'cdn'
  | 'loadBalancer'
  | 'apiGateway'
  | 'service'
  | 'worker'
  | 'cache'
  | 'database'
  | 'queue'
  | 'stream'
  | 'search'
  | 'objectStore'
  | 'external'
  | 'group'
  | 'step'
  | 'note';

export type Direction = 'TB' | 'BT' | 'LR' | 'RL';

export interface XY {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export type LatencyDistribution = 'constant' | 'exponential' | 'lognormal';
export type Balancing = 'roundRobin' | 'leastOutstanding' | 'random';
export type TrafficPattern = 'constant' | 'ramp' | 'spike' | 'steps';
export type Jitter = 'none' | 'full' | 'equal';
export type CallMode = 'sequential' | 'parallel';

/** Simulation properties of a node. A node stores only its overrides; the catalog has the rest. */
export interface NodeProps {
  replicas: number;
  concurrency: number;
  queueLimit: number;
  latencyDist: LatencyDistribution;
  /** Mean for constant/exponential, median for log-normal. */
  latencyMs: number;
  /** 99th percentile, log-normal only. */
  latencyP99Ms: number;
  errorRate: number;
  blocking: boolean;
  callMode: CallMode;
  balancing: Balancing;
  ejectAfterFailures: number;
  ejectForMs: number;
  rateLimitRps: number;
  rateLimitBurst: number;
  hitRatio: number;
  warmupMs: number;
  coalescing: boolean;
  maxDeliveries: number;
  rateRps: number;
  pattern: TrafficPattern;
  patternFactor: number;
  patternStartMs: number;
  patternDurationMs: number;
  sloMs: number;
}

/** Call properties of an edge, again stored as overrides of the defaults. */
export interface CallProps {
  probability: number;
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
  backoffMultiplier: number;
  backoffMaxMs: number;
  jitter: Jitter;
  breaker: boolean;
  breakerFailureRate: number;
  breakerWindowMs: number;
  breakerMinCalls: number;
  breakerCooldownMs: number;
  breakerProbes: number;
  bulkhead: number;
  fallback: boolean;
  networkMs: number;
}

/** Why an import chose a kind, shown in the inspector. */
export interface KindInference {
  rule: string;
  matched?: string;
}

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Relative to the parent group when there is one (React Flow's convention). */
  position: XY;
  /** Groups and notes are sized; components use their natural size. */
  size?: Size;
  parentId?: string;
  props: Partial<NodeProps>;
  color?: string;
  notes?: string;
  /** Mermaid shape kept from an import so that export gives it back. */
  shape?: string;
  /** Layout direction inside a group (a Mermaid subgraph's own direction). */
  direction?: Direction;
  inferred?: KindInference;
}

export type EdgeStyle = 'solid' | 'dotted' | 'thick' | 'invisible';

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  mode: 'sync' | 'async';
  call: Partial<CallProps>;
  style?: EdgeStyle;
}

export type FaultType = 'crash' | 'hang' | 'latency' | 'errorRate' | 'capacityLoss' | 'partition' | 'cacheFlush' | 'trafficSpike';

export interface FaultTarget {
  type: 'node' | 'edge';
  id: string;
}

export interface Fault {
  id: string;
  type: FaultType;
  target: FaultTarget;
  startMs: number;
  endMs: number;
  /** latency: added milliseconds. */
  addMs?: number;
  /** latency: multiplier of the service time; trafficSpike: multiplier of the rate. */
  factor?: number;
  /** errorRate: probability of failure; capacityLoss: fraction of replicas down. */
  fraction?: number;
  /** partition: refuse at once, or drop silently (the caller waits for its timeout). */
  partition?: 'refuse' | 'drop';
}

export interface ClientTraffic {
  rateRps?: number;
  pattern?: TrafficPattern;
  patternFactor?: number;
  patternStartMs?: number;
  patternDurationMs?: number;
}

export interface Scenario {
  id: string;
  name: string;
  seed: number;
  durationMs: number;
  warmupMs: number;
  /** Per-client overrides of the client node's own traffic settings. */
  traffic: Record<string, ClientTraffic>;
  faults: Fault[];
}

/** One message of a request flow imported from a sequence diagram. */
export interface FlowStep {
  from: string;
  to: string;
  label: string;
  reply: boolean;
  async?: boolean;
  /** Index into the flow's blocks: the innermost alt/opt/par/loop around this step. */
  block?: number;
}

export interface FlowBlock {
  type: 'alt' | 'opt' | 'par' | 'loop' | 'critical' | 'break' | 'rect';
  label: string;
  parent?: number;
}

export interface RequestFlow {
  id: string;
  name: string;
  steps: FlowStep[];
  blocks: FlowBlock[];
}

export interface Diagram {
  id: string;
  name: string;
  schemaVersion: number;
  direction: Direction;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  scenarios: Scenario[];
  flows: RequestFlow[];
  /** The question-bank template this diagram was started from: its brief opens beside it. */
  templateId?: string;
  /** Which of the template's diagrams (1-based) it was started from. */
  templateBlock?: number;
  /**
   * The Mermaid text the diagram was imported from, as its author wrote it: an export writes what
   * changed since into it and keeps the rest (mermaid/source). Absent for a diagram born here.
   */
  mermaidSource?: string;
  createdAt: number;
  updatedAt: number;
}
