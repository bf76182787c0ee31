// The discrete-event core: a clock, the event heap and the state of every node, edge and client.
// Handlers live beside it by concern (traffic, nodes, calls, queues, faults); they all take the
// engine as their first argument.
import type { Scenario } from '../model';
import { Breaker } from './breaker';
import type { Compiled } from './compile';
import { EventHeap } from './heap';
import { Rng } from './rng';
import { bucketsFor, Rolling, RollingHistogram } from './rolling';
import { ClientState, EdgeState, NodeState } from './state';
import type { RunEvent, RunEventType, SampledRequest } from './types';

export const EV_CLIENT = 0;
export const EV_ARRIVE = 1;
export const EV_SERVICE_DONE = 2;
export const EV_RESPONSE = 3;
export const EV_TIMEOUT = 4;
export const EV_RETRY = 5;
export const EV_FAULT_START = 6;
export const EV_FAULT_END = 7;
export const EV_BUCKET = 8;
export const EV_WARMUP = 9;

/** Node health is judged over about a second of traffic, client SLOs over two. */
const NODE_WINDOW_MS = 1_000;
const CLIENT_WINDOW_MS = 2_000;
/** A signal (timeouts, queue full) must stay quiet this long before it is reported again. */
export const QUIET_MS = 2_000;

export interface EngineConfig {
  seed: number;
  durationMs: number;
  warmupMs: number;
  bucketMs: number;
  buckets: number;
  sampleLimit: number;
}

export class Engine {
  now = 0;
  events = 0;
  requests = 0;
  readonly heap = new EventHeap();
  readonly rng: Rng;
  readonly nodes: NodeState[];
  readonly edges: EdgeState[];
  readonly clients: ClientState[];
  readonly log: RunEvent[] = [];
  readonly samples: SampledRequest[] = [];
  /** Sampled requests each client may keep per bucket, so the sample spreads over the run. */
  readonly samplesPerBucket: number;
  bucket = 0;

  constructor(
    readonly compiled: Compiled,
    readonly scenario: Scenario,
    readonly config: EngineConfig,
  ) {
    this.rng = new Rng(config.seed);
    this.nodes = compiled.nodes.map((n) => new NodeState(n));
    this.edges = compiled.edges.map((e) => new EdgeState(e, e.call.breaker ? new Breaker(e.call) : null));
    this.clients = compiled.clients.map((i) => new ClientState(this.nodes[i], this.nodes[i].c.props.sloMs));
    for (const n of this.nodes) n.health = new Rolling(bucketsFor(NODE_WINDOW_MS, config.bucketMs));
    for (const c of this.clients) {
      c.health = new Rolling(bucketsFor(CLIENT_WINDOW_MS, config.bucketMs));
      c.windowLatency = new RollingHistogram(bucketsFor(CLIENT_WINDOW_MS, config.bucketMs));
    }
    const perBucket = config.sampleLimit / Math.max(1, this.clients.length * config.buckets);
    this.samplesPerBucket = Math.max(perBucket >= 1 ? Math.floor(perBucket) : 0, 0);
  }

  schedule(delay: number, type: number, target: unknown, n = 0): void {
    this.heap.push(this.now + delay, type, target, n);
  }

  get measuring(): boolean {
    return this.now >= this.config.warmupMs;
  }

  record(type: RunEventType, fields: Omit<RunEvent, 't' | 'type'>): void {
    this.log.push({ t: this.now, type, ...fields });
  }

  /** Brings a node's time integrals up to now; call before changing its counts. */
  touch(node: NodeState): void {
    const dt = this.now - node.lastChange;
    if (dt > 0) {
      node.areaInSystem += node.inSystem * dt;
      node.areaBusy += node.busy * dt;
      node.lastChange = this.now;
    }
  }
}
