// The discrete-event core: a clock, the event heap and the state of every node, edge and client.
// Handlers live beside it by concern (traffic, nodes, calls, queues, faults); they all take the
// engine as their first argument. Modules reach each other only through imports that point one
// way (traffic, nodes and queues call into calls.ts); the way back, a call's end reported to
// whoever made it, goes through the `callers` table that simulate.ts fills in.
import type { Scenario } from '../model';
import { Breaker } from './breaker';
import type { CEdge, CFault, Compiled } from './compile';
import { EventHeap } from './heap';
import { Rng } from './rng';
import { CLIENT_WINDOW_MS, NODE_WINDOW_MS } from './health';
import { bucketsFor, Rolling, RollingHistogram } from './rolling';
import { Call, type Caller, ClientRequest, ClientState, type Delivery, EdgeState, Job, NodeState } from './state';
import type { Cause, RunEvent, RunEventType, SampledRequest } from './types';

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

/** What each event type carries; the heap's push and the step loop's switch both follow it. */
export interface EventPayloads {
  [EV_CLIENT]: ClientState;
  [EV_ARRIVE]: Call;
  [EV_SERVICE_DONE]: Job;
  [EV_RESPONSE]: Call;
  [EV_TIMEOUT]: EdgeState;
  [EV_RETRY]: Call;
  [EV_FAULT_START]: CFault;
  [EV_FAULT_END]: CFault;
  [EV_BUCKET]: null;
  [EV_WARMUP]: null;
}

/** Where a finished call is reported, by the kind of caller that made it. */
export interface CallerHandlers {
  job(sim: Engine, job: Job, edgeIndex: number, gen: number, ok: boolean, degraded: boolean, cause: Cause | null): void;
  request(sim: Engine, request: ClientRequest, ok: boolean, degraded: boolean, cause: Cause | null): void;
  delivery(sim: Engine, delivery: Delivery, ok: boolean, cause: Cause | null): void;
}

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
  readonly heap = new EventHeap<EventPayloads>();
  readonly rng: Rng;
  readonly nodes: NodeState[];
  readonly edges: EdgeState[];
  readonly clients: ClientState[];
  readonly log: RunEvent[] = [];
  readonly samples: SampledRequest[] = [];
  /** Sampled requests each client may keep per bucket, so the sample spreads over the run. */
  readonly samplesPerBucket: number;
  bucket = 0;
  /** Finished jobs and requests, reused: a long run makes few objects and collects little garbage. */
  private readonly jobPool: Job[] = [];
  private readonly requestPool: ClientRequest[] = [];
  private readonly callPool: Call[] = [];

  constructor(
    readonly compiled: Compiled,
    readonly scenario: Scenario,
    readonly config: EngineConfig,
    readonly callers: CallerHandlers,
  ) {
    this.rng = new Rng(config.seed);
    this.nodes = compiled.nodes.map((n) => new NodeState(n));
    this.edges = compiled.edges.map((e) => new EdgeState(e, e.call.breaker ? new Breaker(e.call) : null));
    this.clients = compiled.clients.map((i) => new ClientState(this.nodes[i], this.nodes[i].c.props.sloMs));
    for (const c of this.clients) c.node.client = c;
    for (const n of this.nodes) n.health = new Rolling(bucketsFor(NODE_WINDOW_MS, config.bucketMs));
    for (const c of this.clients) {
      c.health = new Rolling(bucketsFor(CLIENT_WINDOW_MS, config.bucketMs));
      c.windowLatency = new RollingHistogram(bucketsFor(CLIENT_WINDOW_MS, config.bucketMs));
    }
    const perBucket = config.sampleLimit / Math.max(1, this.clients.length * config.buckets);
    this.samplesPerBucket = Math.max(perBucket >= 1 ? Math.floor(perBucket) : 0, 0);
  }

  newJob(node: NodeState, call: Call | null, attempt: number, sample: SampledRequest | null, delivery: Delivery | null): Job {
    const job = this.jobPool.pop();
    if (!job) return new Job(node, call, attempt, this.now, sample, delivery);
    job.reset(node, call, attempt, this.now, sample, delivery);
    return job;
  }

  /** A job whose work is over; `gen` has moved on, so whatever still points at it is ignored. */
  releaseJob(job: Job): void {
    job.call = null;
    job.sample = null;
    job.delivery = null;
    job.calls = null;
    this.jobPool.push(job);
  }

  newCall(edge: CEdge, caller: Caller | null, sample: SampledRequest | null): Call {
    const call = this.callPool.pop();
    if (!call) return new Call(edge, caller, this.now, sample);
    call.reset(edge, caller, this.now, sample);
    return call;
  }

  /** Drops one hold on a call; a finished call nothing holds goes back to the pool. */
  letGo(call: Call): void {
    if (--call.refs === 0 && call.finished) this.recycle(call);
  }

  /** Called when a call finishes: recycled at once if nothing holds it. */
  recycle(call: Call): void {
    if (call.refs !== 0) return;
    call.caller = null;
    call.sample = null;
    this.callPool.push(call);
  }

  newRequest(client: ClientState, sample: SampledRequest | null): ClientRequest {
    const request = this.requestPool.pop();
    if (!request) return new ClientRequest(client, this.now, sample);
    request.reset(client, this.now, sample);
    return request;
  }

  releaseRequest(request: ClientRequest): void {
    request.sample = null;
    this.requestPool.push(request);
  }

  schedule<K extends keyof EventPayloads>(delay: number, type: K, target: EventPayloads[K], n = 0): void {
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

/** Buckets of silence before a recurring signal is reported again. */
export function quietBuckets(sim: Engine): number {
  return bucketsFor(QUIET_MS, sim.config.bucketMs) + 1;
}
