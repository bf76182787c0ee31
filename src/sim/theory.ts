// Queueing theory for a node that is a textbook queue: Poisson arrivals, exponential or constant
// service, c slots and room to wait. M/M/c by Erlang's C formula; M/D/1 by Pollaczek–Khinchine;
// M/D/c by the Allen–Cunneen approximation (half the M/M/c wait: the service's squared
// coefficient of variation is 0). The inspector shows these beside what the run measured.
import type { Diagram, Scenario } from '../model';
import { capacityCheck } from './capacity';
import { compile, type Compiled } from './compile';

/** The probability that an arrival waits, in M/M/c with offered load a = λ/μ (Erlang C). */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c;
  const top = last * (c / (c - a));
  return top / (sum + top);
}

export interface Analytic {
  model: 'M/M/c' | 'M/D/1' | 'M/D/c';
  /** True when the figure is an approximation (M/D/c). */
  approximate: boolean;
  arrivalRps: number;
  slots: number;
  serviceMs: number;
  utilisation: number;
  /** Mean wait in the queue and mean time in the node, in ms; Infinity when the queue is unstable. */
  waitMs: number;
  responseMs: number;
}

/** The textbook figures for λ arrivals per second at c slots of mean service `serviceMs`. */
export function queueFigures(lambdaRps: number, c: number, serviceMs: number, exponential: boolean): Analytic {
  const mu = 1000 / serviceMs; // per slot per second
  const a = lambdaRps / mu;
  const rho = a / c;
  const model = exponential ? 'M/M/c' : c === 1 ? 'M/D/1' : 'M/D/c';
  const base = { model, approximate: model === 'M/D/c', arrivalRps: lambdaRps, slots: c, serviceMs, utilisation: rho } as const;
  if (rho >= 1) return { ...base, waitMs: Infinity, responseMs: Infinity };
  let waitS: number;
  if (exponential) waitS = erlangC(c, a) / (c * mu - lambdaRps);
  else if (c === 1) waitS = rho / (2 * mu * (1 - rho));
  else waitS = erlangC(c, a) / (c * mu - lambdaRps) / 2;
  return { ...base, waitMs: waitS * 1000, responseMs: waitS * 1000 + serviceMs };
}

/** Why a node is not a textbook queue, or null when it is. */
function notTextbook(c: Compiled, i: number, seen = new Set<number>()): string | null {
  const n = c.nodes[i];
  const p = n.props;
  if (n.routing === 'source' || n.routing === 'queue' || n.routing === 'none') return 'it is not a server with slots';
  if (p.latencyDist === 'lognormal') return 'its service time is log-normal (the textbook has exponential or constant)';
  if (p.blocking && n.out.some((e) => !c.edges[e].async && c.nodes[c.edges[e].target].routing !== 'queue') && n.routing !== 'cache')
    return 'it holds its slot while it calls downstream';
  if (n.routing === 'cache' && n.out.length > 0 && p.blocking) return 'it holds its slot while a miss goes downstream';
  seen.add(i);
  const inbound = c.edges.filter((e) => e.target === i);
  if (inbound.length === 0) return 'nothing calls it';
  for (const e of inbound) {
    if (e.call.maxAttempts > 1) return 'its callers retry (retries are not Poisson arrivals)';
    const from = c.nodes[e.source];
    if (from.routing === 'source') {
      if (from.props.pattern !== 'constant') return `${from.label}'s rate follows a pattern`;
      continue;
    }
    // Splitting a Poisson stream at random keeps it Poisson; taking turns (round robin) does not.
    if (from.routing === 'alternatives' && from.props.balancing !== 'random' && from.out.length > 1) return `${from.label} takes turns between its targets`;
    if (from.routing === 'queue') return `${from.label} hands out messages as consumers take them`;
    if (seen.has(e.source)) return 'its callers form a loop';
    const upstream = notTextbook(c, e.source, seen);
    if (upstream && !upstream.startsWith('it holds its slot') && !upstream.startsWith('its service time')) return `its arrivals are not Poisson: ${upstream}`;
  }
  return null;
}

/** The textbook figures for a node of the diagram under a scenario, or why there are none. */
export function nodeTheory(d: Diagram, scenario: Scenario, nodeId: string): Analytic | { why: string } {
  let c: Compiled;
  try {
    c = compile(d, { ...scenario, faults: [] });
  } catch {
    return { why: 'the diagram cannot be simulated as it stands' };
  }
  const i = c.nodes.findIndex((n) => n.id === nodeId);
  if (i < 0) return { why: 'it takes no part in the simulation' };
  const why = notTextbook(c, i);
  if (why) return { why };
  const row = capacityCheck(d, scenario)?.find((r) => r.id === nodeId);
  if (!row) return { why: 'its load could not be worked out' };
  const p = c.nodes[i].props;
  const figures = queueFigures(row.arrivalRps, c.nodes[i].capacity, p.latencyMs, p.latencyDist === 'exponential');
  // The textbook's queue has no end; a real one may fill. Past one arrival in a thousand turned away, the figures no longer hold.
  const full = figures.utilisation >= 1 ? 1 : erlangC(figures.slots, figures.utilisation * figures.slots) * figures.utilisation ** p.queueLimit;
  if (figures.utilisation < 1 && full > 0.001)
    return { why: `its queue of ${p.queueLimit.toLocaleString('en-US')} fills at this load (the textbook's room to wait has no end)` };
  return figures;
}
