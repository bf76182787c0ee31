// Runtime state of a simulation. Plain classes with fixed shapes (V8 keeps them fast); nothing
// here outlives the request it belongs to, so memory follows what is in flight, not the total.
import type { CEdge, CNode } from './compile';
import type { Breaker } from './breaker';
import { Histogram } from './histogram';
import { Rolling, RollingHistogram } from './rolling';
import type { Health } from './health';
import type { Cause, SampledRequest } from './types';
import { CAUSES } from './types';

export const CAUSE_INDEX: Record<Cause, number> = Object.fromEntries(CAUSES.map((c, i) => [c, i])) as Record<Cause, number>;

/** Something that makes calls and hears how they ended: a job, a client request, a delivery. */
export type Caller = Job | ClientRequest | Delivery;

/**
 * A call along an edge, with its retries. Calls are reused (the engine keeps a pool) once they
 * are finished and nothing points at them: `refs` counts the pending events (an arrival, an
 * answer, a retry), the armed timeout and the callee's job that hold this call.
 */
export class Call {
  attempt = 1;
  refs = 0;
  /** The current attempt has an outcome (answer, timeout, refusal): later answers are wasted. */
  settled = false;
  finished = false;
  probe = false;
  /** The current attempt counts against the edge's in-flight calls (bulkhead, least outstanding). */
  inFlight = false;
  sentAt = 0;
  /** The calling job's generation when it called: a job failed meanwhile (a crash) ignores the answer. */
  callerGen: number;
  constructor(
    public edge: CEdge,
    /** Null for fire-and-forget calls: nobody waits for the answer. */
    public caller: Caller | null,
    public startedAt: number,
    public sample: SampledRequest | null,
  ) {
    this.callerGen = caller?.role === 'job' ? caller.gen : 0;
  }

  reset(edge: CEdge, caller: Caller | null, startedAt: number, sample: SampledRequest | null): void {
    this.edge = edge;
    this.caller = caller;
    this.startedAt = startedAt;
    this.sample = sample;
    this.callerGen = caller?.role === 'job' ? caller.gen : 0;
    this.attempt = 1;
    this.refs = 0;
    this.settled = false;
    this.finished = false;
    this.probe = false;
    this.inFlight = false;
    this.sentAt = 0;
  }
}

/**
 * A request being worked on at a node. Jobs are reused (the engine keeps a pool), so anything
 * that may outlive one (a pending event, an answer to a call it made) holds its generation too:
 * `gen` changes whenever a job finishes and never goes back, so an old reference never matches.
 */
export class Job {
  readonly role = 'job';
  /** Intrusive list of the jobs at a node, so a crash can fail them all. */
  prev: Job | null = null;
  next: Job | null = null;
  slotHeld = false;
  startedAt = 0;
  /** Changes when the job is abandoned, so its pending events are ignored. */
  gen = 0;
  pending = 0;
  cursor = 0;
  failCause: Cause | null = null;
  /** Some call below fell back: the answer is a success, but degraded. */
  degraded = false;
  calls: number[] | null = null;
  /** The out-edge the job is waiting on, for "all slots waiting on X". */
  waitingOn = -1;
  /** Counted in its node's `waitingDownstream` (holds a slot while a call is out). */
  countedWaiting = false;
  stuck = false;
  key = -1;
  constructor(
    public node: NodeState,
    public call: Call | null,
    public attempt: number,
    public arrivedAt: number,
    public sample: SampledRequest | null,
    public delivery: Delivery | null,
  ) {}

  /** Makes a finished job a new one (its generation goes on from where it was). */
  reset(node: NodeState, call: Call | null, attempt: number, arrivedAt: number, sample: SampledRequest | null, delivery: Delivery | null): void {
    this.node = node;
    this.call = call;
    this.attempt = attempt;
    this.arrivedAt = arrivedAt;
    this.sample = sample;
    this.delivery = delivery;
    this.prev = this.next = null;
    this.slotHeld = false;
    this.startedAt = 0;
    this.pending = 0;
    this.cursor = 0;
    this.failCause = null;
    this.degraded = false;
    this.calls = null;
    this.waitingOn = -1;
    this.countedWaiting = false;
    this.stuck = false;
    this.key = -1;
  }
}

/** A client's request end to end. Reused once finished (every call it made has ended by then). */
export class ClientRequest {
  readonly role = 'request';
  pending = 0;
  failCause: Cause | null = null;
  degraded = false;
  constructor(
    public client: ClientState,
    public startedAt: number,
    public sample: SampledRequest | null,
  ) {}

  reset(client: ClientState, startedAt: number, sample: SampledRequest | null): void {
    this.client = client;
    this.startedAt = startedAt;
    this.sample = sample;
    this.pending = 0;
    this.failCause = null;
    this.degraded = false;
  }
}

export interface Message {
  enqueuedAt: number;
  deliveries: number;
  sample: SampledRequest | null;
}

/** A message handed from a queue to one consumer. */
export class Delivery {
  readonly role = 'delivery';
  constructor(
    readonly queue: NodeState,
    readonly edge: CEdge,
    readonly message: Message,
    readonly backlog: MessageRing,
  ) {}
}

/** A growable FIFO ring of messages. */
export class MessageRing {
  private items: (Message | undefined)[] = new Array(16);
  private head = 0;
  length = 0;

  push(m: Message): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) % this.items.length] = m;
    this.length++;
  }

  unshift(m: Message): void {
    if (this.length === this.items.length) this.grow();
    this.head = (this.head - 1 + this.items.length) % this.items.length;
    this.items[this.head] = m;
    this.length++;
  }

  shift(): Message | undefined {
    if (this.length === 0) return undefined;
    const m = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    return m;
  }

  peek(): Message | undefined {
    return this.length === 0 ? undefined : this.items[this.head];
  }

  private grow() {
    const next: (Message | undefined)[] = new Array(this.items.length * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.items[(this.head + i) % this.items.length];
    this.items = next;
    this.head = 0;
  }
}

/** A FIFO of jobs waiting for a slot. */
export class JobQueue {
  private items: (Job | undefined)[] = new Array(16);
  private head = 0;
  length = 0;

  push(j: Job): void {
    if (this.length === this.items.length) {
      const next: (Job | undefined)[] = new Array(this.items.length * 2);
      for (let i = 0; i < this.length; i++) next[i] = this.items[(this.head + i) % this.items.length];
      this.items = next;
      this.head = 0;
    }
    this.items[(this.head + this.length) % this.items.length] = j;
    this.length++;
  }

  shift(): Job | undefined {
    if (this.length === 0) return undefined;
    const j = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.length--;
    return j;
  }
}

export class NodeState {
  busy = 0;
  capacity: number;
  readonly waiting = new JobQueue();
  jobsHead: Job | null = null;
  inSystem = 0;
  /** Slot-holding jobs waiting on a downstream call, and jobs stuck in a hang. */
  waitingDownstream = 0;
  stuckCount = 0;
  lastChange = 0;
  /** Integrals since the start: sum of (count x time), for Little's law and utilisation. */
  areaInSystem = 0;
  areaBusy = 0;
  // Fault effects, recomputed whenever a fault starts or ends.
  crashed = false;
  hung = false;
  latencyAdd = 0;
  latencyMul = 1;
  extraError = 0;
  capacityFactor = 1;
  flushUntil = -1;
  flushActive = false;
  rateFactor = 1;
  /** The client this node is, when it is one: a change of rate redraws its next arrival. */
  client: ClientState | null = null;
  // Routing.
  rr = 0;
  readonly outstanding: Int32Array;
  readonly consecutiveFailures: Int32Array;
  readonly ejectedUntil: Float64Array;
  // Rate limiting.
  tokens: number;
  tokensAt = 0;
  // Queues and streams: one shared backlog (queue) or one per consumer edge (stream).
  readonly backlogs: MessageRing[];
  /** Cache request coalescing: jobs waiting on an in-flight miss, by key, each with its generation. */
  readonly inflightMisses = new Map<number, { jobs: Job[]; gens: number[] }>();
  // Bucket counters.
  arrivals = 0;
  successes = 0;
  failures = 0;
  wasted = 0;
  overloadedInBucket = 0;
  readonly causes = new Float64Array(8);
  readonly bucketLatency = new Histogram();
  areaBusyAtBucket = 0;
  // Summary counters (after warm-up).
  sArrivals = 0;
  sSuccesses = 0;
  readonly sCauses = new Float64Array(8);
  sResponseSum = 0;
  sResponses = 0;
  sOkResponseSum = 0;
  sOkResponses = 0;
  sWaitSum = 0;
  sWaits = 0;
  sWasted = 0;
  sDeadLettered = 0;
  sMaxDepth = 0;
  areaInSystemAtWarmup = 0;
  areaBusyAtWarmup = 0;
  // Event-log state.
  saturated = false;
  /** The verdict of the last closed bucket (sim/health.ts). */
  verdict: Health = 'idle';
  /** Overload refusals seen lately; quiet buckets count down before "queue full" can recur. */
  overloadQuiet = 0;
  /** Buckets left before a saturation that cleared may be reported as ended. */
  saturationQuiet = 0;
  health: Rolling = new Rolling(1);

  constructor(readonly c: CNode) {
    this.capacity = c.capacity;
    const n = c.out.length;
    this.outstanding = new Int32Array(n);
    this.consecutiveFailures = new Int32Array(n);
    this.ejectedUntil = new Float64Array(n);
    this.tokens = c.props.rateLimitBurst;
    this.backlogs = c.routing === 'queue' ? (c.delivery === 'broadcast' ? c.out.map(() => new MessageRing()) : [new MessageRing()]) : [];
  }

  backlogDepth(): number {
    let max = 0;
    for (const b of this.backlogs) if (b.length > max) max = b.length;
    return max;
  }
}

export class EdgeState {
  inFlight = 0;
  calls = 0;
  attempts = 0;
  failures = 0;
  timeouts = 0;
  sCalls = 0;
  sAttempts = 0;
  sFailures = 0;
  sTimeouts = 0;
  partition: 'refuse' | 'drop' | null = null;
  extraLatency = 0;
  extraError = 0;
  timeoutQuiet = 0;
  /**
   * Pending timeouts in send order. Every call on an edge has the same timeout, so deadlines
   * come due in the order they were set: one heap event (for the earliest) serves them all.
   */
  readonly timers = new TimerRing();
  timerArmed = false;
  constructor(
    readonly c: CEdge,
    readonly breaker: Breaker | null,
  ) {}
}

export class TimerRing {
  private deadlines = new Float64Array(64);
  private attempts = new Int32Array(64);
  private calls: (Call | null)[] = new Array(64).fill(null);
  private head = 0;
  length = 0;

  push(deadline: number, call: Call, attempt: number): void {
    if (this.length === this.deadlines.length) this.grow();
    const i = (this.head + this.length) % this.deadlines.length;
    this.deadlines[i] = deadline;
    this.attempts[i] = attempt;
    this.calls[i] = call;
    this.length++;
  }

  get nextDeadline(): number {
    return this.deadlines[this.head];
  }

  /** Removes the earliest timer; its call and attempt are then in `call` and `attempt`. */
  shift(): void {
    this.call = this.calls[this.head];
    this.attempt = this.attempts[this.head];
    this.calls[this.head] = null;
    this.head = (this.head + 1) % this.deadlines.length;
    this.length--;
  }

  call: Call | null = null;
  attempt = 0;

  private grow(): void {
    const size = this.deadlines.length * 2;
    const deadlines = new Float64Array(size);
    const attempts = new Int32Array(size);
    const calls: (Call | null)[] = new Array(size).fill(null);
    for (let k = 0; k < this.length; k++) {
      const i = (this.head + k) % this.deadlines.length;
      deadlines[k] = this.deadlines[i];
      attempts[k] = this.attempts[i];
      calls[k] = this.calls[i];
    }
    this.deadlines = deadlines;
    this.attempts = attempts;
    this.calls = calls;
    this.head = 0;
  }
}

export class ClientState {
  /** Bumped whenever the next arrival is drawn again, so the one drawn before is ignored. */
  arrivalGen = 0;
  requests = 0;
  successes = 0;
  degraded = 0;
  failures = 0;
  latencySum = 0;
  readonly bucketLatency = new Histogram();
  sRequests = 0;
  sSuccesses = 0;
  sDegraded = 0;
  sFailures = 0;
  sLatencySum = 0;
  readonly sLatency = new Histogram();
  sOkLatencySum = 0;
  readonly sOkLatency = new Histogram();
  readonly sCauses = new Float64Array(8);
  sampledInBucket = 0;
  verdict: Health = 'idle';
  health: Rolling = new Rolling(1);
  windowLatency: RollingHistogram = new RollingHistogram(1);
  constructor(
    readonly node: NodeState,
    readonly sloMs: number,
  ) {}
}
