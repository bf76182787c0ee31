// Sweeps: the same diagram run over a range of one input. A load sweep sets a client's rate from
// a to b in k steps; a parameter sweep sets one property of a node or a connection; each point
// is replicated over seeds. A hysteresis sweep is one run whose load climbs past the knee in
// steps and comes back down the same steps, to see whether the system comes back with it.
// Plans are lists of runs (diagram, scenario, seed); results are digests of them.
import type { CallProps, Diagram, NodeProps, Scenario } from '../model';
import { callField, fieldError, isSource, nodeField } from '../model';
import { pct } from './numbers';
import { type RunDigest, replicationSeeds } from './replicate';
import { estimate, type Estimate } from './stats';

/** One simulation of a plan: which point of the sweep it belongs to, and its inputs. */
export interface PlannedRun {
  point: number;
  diagram: Diagram;
  scenario: Scenario;
  seed: number;
}

export interface LoadSweepSpec {
  clientId: string;
  fromRps: number;
  toRps: number;
  steps: number;
  seeds: number;
}

export interface ParameterSweepSpec {
  target: { type: 'node' | 'edge'; id: string };
  field: string;
  values: number[];
  seeds: number;
}

export interface HysteresisSpec {
  clientId: string;
  baseRps: number;
  peakRps: number;
  /** Steps from the base load up to the peak (and as many back down). */
  steps: number;
  /** How long each load is held. */
  stepMs: number;
}

export class SweepError extends Error {
  override name = 'SweepError';
}

function clientOf(d: Diagram, id: string) {
  const client = d.nodes.find((n) => n.id === id);
  if (!client || !isSource(client.kind)) throw new SweepError(`There is no client "${id}" to set the load of.`);
  return client;
}

function checkSteps(steps: number, seeds: number): void {
  if (!Number.isInteger(steps) || steps < 2 || steps > 50) throw new SweepError('A sweep takes 2 to 50 steps.');
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100) throw new SweepError('Each step takes 1 to 100 seeds.');
}

/** The loads of a load sweep, evenly from `fromRps` to `toRps`. */
export function sweepLoads(spec: Pick<LoadSweepSpec, 'fromRps' | 'toRps' | 'steps'>): number[] {
  return Array.from({ length: spec.steps }, (_, i) => spec.fromRps + ((spec.toRps - spec.fromRps) * i) / (spec.steps - 1));
}

export function planLoadSweep(d: Diagram, scenario: Scenario, spec: LoadSweepSpec): { xs: number[]; runs: PlannedRun[] } {
  clientOf(d, spec.clientId);
  checkSteps(spec.steps, spec.seeds);
  const rateError = fieldError(nodeField('rateRps')!, spec.fromRps) ?? fieldError(nodeField('rateRps')!, spec.toRps);
  if (rateError) throw new SweepError(rateError);
  const xs = sweepLoads(spec);
  const runs: PlannedRun[] = [];
  xs.forEach((rateRps, point) => {
    const s: Scenario = { ...scenario, traffic: { ...scenario.traffic, [spec.clientId]: { ...scenario.traffic[spec.clientId], rateRps } } };
    for (const seed of replicationSeeds(scenario.seed, spec.seeds)) runs.push({ point, diagram: d, scenario: s, seed });
  });
  return { xs, runs };
}

export function planParameterSweep(d: Diagram, scenario: Scenario, spec: ParameterSweepSpec): { xs: number[]; runs: PlannedRun[] } {
  checkSteps(spec.values.length, spec.seeds);
  const field = spec.target.type === 'node' ? nodeField(spec.field) : callField(spec.field);
  if (field?.type !== 'number') throw new SweepError(`"${spec.field}" is not a number a sweep can vary.`);
  for (const v of spec.values) {
    const error = fieldError(field, v);
    if (error) throw new SweepError(error);
  }
  const found = spec.target.type === 'node' ? d.nodes.some((n) => n.id === spec.target.id) : d.edges.some((e) => e.id === spec.target.id);
  if (!found) throw new SweepError(`There is no ${spec.target.type === 'node' ? 'node' : 'connection'} "${spec.target.id}" in the diagram.`);
  const runs: PlannedRun[] = [];
  spec.values.forEach((value, point) => {
    const variant: Diagram =
      spec.target.type === 'node'
        ? { ...d, nodes: d.nodes.map((n) => (n.id === spec.target.id ? { ...n, props: { ...n.props, [spec.field as keyof NodeProps]: value } } : n)) }
        : { ...d, edges: d.edges.map((e) => (e.id === spec.target.id ? { ...e, call: { ...e.call, [spec.field as keyof CallProps]: value } } : e)) };
    for (const seed of replicationSeeds(scenario.seed, spec.seeds)) runs.push({ point, diagram: variant, scenario, seed });
  });
  return { xs: spec.values, runs };
}

/** The loads a hysteresis run holds, in order: the base, up to the peak, and back down to the base. */
export function hysteresisLoads(spec: Pick<HysteresisSpec, 'baseRps' | 'peakRps' | 'steps'>): number[] {
  const up = Array.from({ length: spec.steps + 1 }, (_, i) => spec.baseRps + ((spec.peakRps - spec.baseRps) * i) / spec.steps);
  return [...up, ...up.slice(0, -1).reverse()];
}

/**
 * One run: the client at its base rate, then each load held for `stepMs`. The steps are traffic
 * spikes on the client (the scenario's own kind of fault), so the run is an ordinary run that
 * replays and can be opened like any other.
 */
export function planHysteresis(d: Diagram, scenario: Scenario, spec: HysteresisSpec): { loads: number[]; scenario: Scenario } {
  clientOf(d, spec.clientId);
  if (!Number.isInteger(spec.steps) || spec.steps < 2 || spec.steps > 20) throw new SweepError('A hysteresis sweep takes 2 to 20 steps up.');
  if (!(spec.baseRps > 0) || !(spec.peakRps > spec.baseRps)) throw new SweepError('The peak load must be above the base load, and the base above 0.');
  if (!(spec.stepMs >= 1_000)) throw new SweepError('Each load must be held for at least a second.');
  const loads = hysteresisLoads(spec);
  if (spec.peakRps / spec.baseRps > 1_000) throw new SweepError('The peak can be at most 1,000 times the base load.');
  const faults = loads.flatMap((rate, i) =>
    i === 0 || rate === spec.baseRps
      ? []
      : [
          {
            id: `load-${i}`,
            type: 'trafficSpike' as const,
            target: { type: 'node' as const, id: spec.clientId },
            startMs: i * spec.stepMs,
            endMs: (i + 1) * spec.stepMs,
            factor: rate / spec.baseRps,
          },
        ],
  );
  const traffic = { ...scenario.traffic, [spec.clientId]: { ...scenario.traffic[spec.clientId], rateRps: spec.baseRps, pattern: 'constant' as const } };
  return {
    loads,
    scenario: {
      ...scenario,
      name: `${scenario.name}: load ${Math.round(spec.baseRps)} → ${Math.round(spec.peakRps)} → ${Math.round(spec.baseRps)} req/s`,
      durationMs: loads.length * spec.stepMs,
      warmupMs: Math.min(scenario.warmupMs, spec.stepMs / 2),
      traffic,
      faults: [...scenario.faults, ...faults],
    },
  };
}

/** One point of a sweep: its input and what the client saw there, over the seeds. */
export interface SweepPoint {
  x: number;
  success: Estimate;
  p99Ms: Estimate;
  meanMs: Estimate;
  /** Successful requests per second. */
  goodput: Estimate;
}

export function sweepPoints(xs: readonly number[], runs: readonly { point: number; digest: RunDigest }[], clientId: string): SweepPoint[] {
  return xs.map((x, point) => {
    const mine = runs.filter((r) => r.point === point).map((r) => r.digest);
    const client = (dg: RunDigest) => dg.summary.clients.find((c) => c.id === clientId) ?? dg.summary.clients[0];
    const seconds = (dg: RunDigest) => Math.max(1e-9, (dg.summary.toMs - dg.summary.fromMs) / 1000);
    return {
      x,
      success: estimate(mine.map((dg) => client(dg).successRatio)),
      p99Ms: estimate(mine.map((dg) => client(dg).latency.p99)),
      meanMs: estimate(mine.map((dg) => client(dg).latency.mean)),
      goodput: estimate(mine.map((dg) => (client(dg).successes + client(dg).degraded) / seconds(dg))),
    };
  });
}

/** The knee's rule, in words for the chart: a point past it has lost its light-load behaviour. */
export const KNEE_RULE = 'p99 over 3× its value at the lightest load, or success under 99%';

/** Where the curve bends: between the last point within the rule and the first beyond, and a straight-line estimate between them. */
export interface Knee {
  at: number;
  between: [number, number];
}

/**
 * Where the curve bends: the first input at which p99 reaches three times its value at the
 * lightest load or success falls under 99%, interpolated between the last point within and the
 * first beyond. Null when every point is within (the sweep stopped short of the knee) or the
 * very first one is beyond.
 */
export function findKnee(points: readonly SweepPoint[]): Knee | null {
  if (points.length < 2) return null;
  const base = points[0].p99Ms.mean;
  const over = (p: SweepPoint) => p.p99Ms.mean / base - 3;
  const under = (p: SweepPoint) => 0.99 - p.success.mean;
  const beyond = (p: SweepPoint) => over(p) >= 0 || under(p) > 0;
  if (!(base > 0) || beyond(points[0])) return null;
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    if (!beyond(p)) continue;
    const q = points[i - 1];
    // Interpolate on whichever measure crossed: the one that went furthest past its line.
    const [a, b] = over(p) / 3 >= under(p) / 0.01 ? [over(q), over(p)] : [under(q), under(p)];
    const f = b > a ? -a / (b - a) : 1;
    return { at: q.x + (p.x - q.x) * Math.min(1, Math.max(0, f)), between: [q.x, p.x] };
  }
  return null;
}

/** What one held load of a hysteresis run showed, measured over the second half of its hold. */
export interface HysteresisStep {
  load: number;
  direction: 'up' | 'down' | 'base';
  success: number;
  p99Ms: number;
}

export interface HysteresisResult {
  steps: HysteresisStep[];
  /** Whether the system came back to its behaviour at the base load once the load did. */
  recovers: boolean;
  verdict: string;
}

/** Reads each hold's settled half from a hysteresis run's digest and judges whether it came back. */
export function analyseHysteresis(loads: readonly number[], stepMs: number, digest: RunDigest, clientIndex = 0): HysteresisResult {
  const steps: HysteresisStep[] = loads.map((load, i) => {
    const from = Math.floor((i * stepMs + stepMs / 2) / digest.bucketMs);
    const to = Math.min(digest.buckets, Math.floor(((i + 1) * stepMs) / digest.bucketMs));
    let ok = 0;
    let n = 0;
    let p99 = 0;
    for (let b = from; b < to; b++) {
      const s = digest.success[clientIndex][b];
      if (Number.isFinite(s)) {
        ok += s;
        n++;
      }
      p99 = Math.max(p99, digest.p99[clientIndex][b]);
    }
    const peak = (loads.length - 1) / 2;
    return { load, direction: i === 0 ? 'base' : i <= peak ? 'up' : 'down', success: n > 0 ? ok / n : Number.NaN, p99Ms: p99 };
  });
  const before = steps[0];
  const after = steps[steps.length - 1];
  const recovers = after.success >= before.success - 0.02 && after.p99Ms <= Math.max(1.5 * before.p99Ms, before.p99Ms + 20);
  const verdict = recovers
    ? `Recovers: back at ${Math.round(after.load)} req/s it succeeds ${pct(after.success)} (p99 ${Math.round(after.p99Ms)} ms), as before the climb.`
    : `Stays collapsed: back at ${Math.round(after.load)} req/s it succeeds ${pct(after.success)} (p99 ${Math.round(after.p99Ms)} ms) against ${pct(before.success)} (p99 ${Math.round(before.p99Ms)} ms) before the climb: a metastable failure.`;
  return { steps, recovers, verdict };
}
