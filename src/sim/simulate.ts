// The engine's public face: simulate(diagram, scenario, options) -> recorded run. Same inputs,
// same run, to the byte; another seed, another run. It can also be stepped in slices, which is
// how the worker reports progress and listens for cancel.
import type { Diagram, Scenario } from '../model';
import { baselineScenario, DAY_MS, scenarioSettingErrors, simulationRevision } from '../model';
import { onEdgeTimer, onResponse, onRetry } from './calls';
import { compile, SimInputError, type CFault, type Compiled } from './compile';
import { describeFault, scenarioTitle } from './describe';
import {
  type CallerHandlers,
  Engine,
  EV_ARRIVE,
  EV_BUCKET,
  EV_CLIENT,
  EV_FAULT_END,
  EV_FAULT_START,
  EV_RESPONSE,
  EV_RETRY,
  EV_SERVICE_DONE,
  EV_TIMEOUT,
  EV_WARMUP,
} from './engine';
import { FaultBoard } from './faults';
import { jobCallDone, onArrive, onServiceDone } from './nodes';
import { deliveryDone } from './queues';
import { closeBucket, createSeries, summarize } from './recorder';
import { buildTimeline } from './timeline';
import { onClientArrival, requestCallDone, scheduleNextArrival } from './traffic';
import { type RecordedRun, RUN_VERSION, type RunFault, type RunSeries, type SimOptions } from './types';

export { SimInputError };

export const MAX_DURATION_MS = DAY_MS;
export const DEFAULT_SAMPLE_LIMIT = 2_000;

/** About 300 buckets, on a round width: smooth enough to animate, small enough to store. */
export function defaultBucketMs(durationMs: number): number {
  const raw = durationMs / 300;
  const steps = [10, 20, 50, 100, 200, 250, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000];
  return steps.find((s) => s >= raw) ?? 60_000;
}

/** Who hears how a call ended, by the kind of caller. */
const CALLERS: CallerHandlers = { job: jobCallDone, request: requestCallDone, delivery: deliveryDone };

export class Simulation {
  readonly engine: Engine;
  private readonly series: RunSeries;
  private readonly faults = new FaultBoard();
  private readonly started: number;
  private finished = false;
  /** The scenario as run: options override its seed, length and warm-up. */
  private readonly effective: Scenario;

  constructor(
    private readonly diagram: Diagram,
    private readonly scenario: Scenario,
    options: SimOptions = {},
  ) {
    const durationMs = options.durationMs ?? scenario.durationMs;
    const warmupMs = options.warmupMs ?? scenario.warmupMs;
    const seed = options.seed ?? scenario.seed;
    // The scenario's own fields and rules, as the editor and every restore path check them.
    const problems = scenarioSettingErrors({ seed, durationMs, warmupMs });
    this.effective = { ...scenario, seed, durationMs, warmupMs };
    const bucketMs = options.bucketMs ?? defaultBucketMs(durationMs);
    if (!(bucketMs > 0)) problems.push('Bucket width must be more than 0 ms');
    if (problems.length > 0) throw new SimInputError(problems);
    const compiled = compile(diagram, scenario, durationMs);
    const buckets = Math.ceil(durationMs / bucketMs);
    this.engine = new Engine(
      compiled,
      scenario,
      { seed, durationMs, warmupMs, bucketMs, buckets, sampleLimit: options.sampleLimit ?? DEFAULT_SAMPLE_LIMIT },
      CALLERS,
    );
    this.series = createSeries(compiled.nodes.length, compiled.edges.length, compiled.clients.length, buckets);
    this.started = wallClock();
    const sim = this.engine;
    for (const client of sim.clients) scheduleNextArrival(sim, client);
    for (const cf of compiled.faults) {
      if (cf.fault.startMs < durationMs) sim.heap.push(cf.fault.startMs, EV_FAULT_START, cf);
      if (cf.fault.endMs < durationMs) sim.heap.push(cf.fault.endMs, EV_FAULT_END, cf);
    }
    sim.heap.push(Math.min(bucketMs, durationMs), EV_BUCKET, null, 0);
    sim.heap.push(warmupMs, EV_WARMUP, null);
  }

  get progress(): number {
    return this.engine.now / this.engine.config.durationMs;
  }

  get done(): boolean {
    return this.finished;
  }

  /** Runs up to `maxEvents` events; true once the run has reached its end. */
  step(maxEvents: number): boolean {
    if (this.finished) return true;
    const sim = this.engine;
    const heap = sim.heap;
    const end = sim.config.durationMs;
    for (let i = 0; i < maxEvents; i++) {
      if (heap.peekTime() > end) {
        sim.now = end;
        this.finished = true;
        return true;
      }
      heap.pop();
      sim.now = heap.time;
      sim.events++;
      const ev = heap.event;
      switch (ev.type) {
        case EV_CLIENT:
          onClientArrival(sim, ev.target, ev.n);
          break;
        case EV_ARRIVE:
          onArrive(sim, ev.target, ev.n);
          break;
        case EV_SERVICE_DONE:
          onServiceDone(sim, ev.target, ev.n);
          break;
        case EV_RESPONSE:
          onResponse(sim, ev.target, ev.n);
          break;
        case EV_TIMEOUT:
          onEdgeTimer(sim, ev.target);
          break;
        case EV_RETRY:
          onRetry(sim, ev.target);
          break;
        case EV_FAULT_START:
          this.faults.start(sim, ev.target);
          break;
        case EV_FAULT_END:
          this.faults.end(sim, ev.target);
          break;
        case EV_BUCKET:
          this.bucket(ev.n);
          break;
        case EV_WARMUP:
          for (const n of sim.nodes) {
            sim.touch(n);
            n.areaInSystemAtWarmup = n.areaInSystem;
            n.areaBusyAtWarmup = n.areaBusy;
          }
          break;
      }
    }
    return false;
  }

  private bucket(b: number): void {
    const sim = this.engine;
    const { bucketMs, buckets, durationMs } = sim.config;
    const span = Math.min(bucketMs, durationMs - b * bucketMs);
    closeBucket(sim, this.series, b, span);
    if (b + 1 < buckets) sim.heap.push(Math.min((b + 2) * bucketMs, durationMs), EV_BUCKET, null, b + 1);
  }

  result(): RecordedRun {
    if (!this.finished) throw new Error('The simulation has not finished');
    const sim = this.engine;
    const c = sim.compiled;
    const run: Omit<RecordedRun, 'timeline'> = {
      format: 'faultline-run',
      version: RUN_VERSION,
      diagramId: this.diagram.id,
      diagramRevision: simulationRevision(this.diagram, this.effective),
      diagramName: this.diagram.name,
      scenarioId: this.scenario.id,
      scenarioName: scenarioTitle(this.scenario, this.diagram),
      seed: sim.config.seed,
      durationMs: sim.config.durationMs,
      warmupMs: sim.config.warmupMs,
      bucketMs: sim.config.bucketMs,
      buckets: sim.config.buckets,
      nodes: c.nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind, capacity: n.capacity })),
      edges: c.edges.map((e) => ({ id: e.id, modelId: e.modelId, source: c.nodes[e.source].id, target: c.nodes[e.target].id })),
      clients: sim.clients.map((cl) => ({ id: cl.node.c.id, label: cl.node.c.label, sloMs: cl.sloMs })),
      faults: c.faults.map((cf) => runFault(c, cf)),
      series: this.series,
      events: sim.log,
      samples: sim.samples,
      summary: summarize(sim),
      stats: { events: sim.events, requests: sim.requests, wallMs: wallClock() - this.started },
    };
    return { ...run, timeline: buildTimeline(run) };
  }
}

function runFault(c: Compiled, cf: CFault): RunFault {
  const f = cf.fault;
  return {
    ...structuredClone(f),
    text: describeFault(f, cf.label),
    nodes: cf.nodes.map((i) => c.nodes[i].id),
    edges: [...new Set(cf.edges.map((i) => c.edges[i].modelId))],
  };
}

/** Wall time for the stats only; it never reaches the simulated clock. */
function wallClock(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export function simulate(diagram: Diagram, scenario: Scenario = baselineScenario(), options: SimOptions = {}): RecordedRun {
  const s = new Simulation(diagram, scenario, options);
  while (!s.step(1_000_000));
  return s.result();
}

export interface AsyncOptions extends SimOptions {
  onProgress?(fraction: number): void;
  isCancelled?(): boolean;
  /** Events per slice between yields to the event loop. */
  slice?: number;
}

export class SimulationCancelled extends Error {
  constructor() {
    super('The simulation was cancelled');
    this.name = 'SimulationCancelled';
  }
}

/** The same run in slices, yielding between them so progress and cancel get through. */
export async function simulateAsync(diagram: Diagram, scenario: Scenario, options: AsyncOptions = {}): Promise<RecordedRun> {
  const s = new Simulation(diagram, scenario, options);
  const slice = options.slice ?? 200_000;
  while (!s.step(slice)) {
    options.onProgress?.(s.progress);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options.isCancelled?.()) throw new SimulationCancelled();
  }
  options.onProgress?.(1);
  return s.result();
}
