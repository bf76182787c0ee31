// The steady-state capacity check, before anything runs: every client's rate carried along the
// diagram's connections (each edge's probability, a cache's misses, a balancer's share, the
// extra attempts retries make against a callee's error rate), each node's busy time per request
// (its own service, plus what it waits on downstream when it holds its slot while calling), and
// from the two the utilisation of its slots. A node above 70% is flagged: queues grow fast past it.
import type { Diagram, Scenario } from '../model';
import { compile, type CNode, type Compiled } from './compile';

/** Above this share of its slots busy, a node is flagged: waiting grows steeply from here. */
export const CAPACITY_LIMIT = 0.7;

export interface CapacityRow {
  id: string;
  label: string;
  /** Requests per second arriving, retries included. */
  arrivalRps: number;
  /** How long a request holds a slot, in ms (its service, and its downstream waits when blocking). */
  holdingMs: number;
  slots: number;
  /** arrivalRps × holdingMs / slots: the share of its slots busy; null for queues and streams, which buffer. */
  utilisation: number | null;
  over: boolean;
}

/** Mean service time from the node's distribution (a log-normal's mean is above its median). */
export function meanServiceMs(props: CNode['props']): number {
  if (props.latencyDist !== 'lognormal') return props.latencyMs;
  const sigma = props.latencyP99Ms > props.latencyMs ? Math.log(props.latencyP99Ms / props.latencyMs) / 2.3263478740408408 : 0;
  return props.latencyMs * Math.exp((sigma * sigma) / 2);
}

/** Expected attempts per call: r attempts at most, each failing with probability f. */
export function expectedAttempts(failure: number, maxAttempts: number): number {
  if (!(failure > 0)) return 1;
  if (failure >= 1) return maxAttempts;
  return (1 - failure ** maxAttempts) / (1 - failure);
}

/** Share of a node's arrivals that go down each of its out edges (before retries). */
function outShares(c: Compiled, n: CNode): number[] {
  const k = n.out.length;
  switch (n.routing) {
    case 'alternatives':
      return n.out.map(() => 1 / k);
    case 'cache':
      return n.out.map(() => (1 - n.props.hitRatio) / k);
    case 'queue':
      return n.out.map(() => (n.delivery === 'broadcast' ? 1 : 1 / k));
    case 'none':
      return n.out.map(() => 0);
    default:
      return n.out.map((e) => c.edges[e].call.probability);
  }
}

/** Nodes in an order where callers come before callees; what is left in a cycle comes last, as stored. */
function callOrder(c: Compiled): number[] {
  const indegree = c.nodes.map(() => 0);
  for (const e of c.edges) indegree[e.target]++;
  const ready = c.nodes.filter((n) => indegree[n.index] === 0).map((n) => n.index);
  const order: number[] = [];
  while (ready.length > 0) {
    const i = ready.shift()!;
    order.push(i);
    for (const e of c.nodes[i].out) if (--indegree[c.edges[e].target] === 0) ready.push(c.edges[e].target);
  }
  for (const n of c.nodes) if (!order.includes(n.index)) order.push(n.index);
  return order;
}

/**
 * The check for a diagram under a scenario's traffic. `clientRates` overrides clients' rates
 * (a question's full scale, say). Null when the diagram cannot be simulated as it stands.
 */
export function capacityCheck(d: Diagram, scenario: Scenario, clientRates: Record<string, number> = {}): CapacityRow[] | null {
  let c: Compiled;
  try {
    c = compile(d, { ...scenario, faults: [] });
  } catch {
    return null;
  }
  const arrivals = c.nodes.map((n) => (n.routing === 'source' ? (clientRates[n.id] ?? n.props.rateRps) : 0));
  const attempts = c.edges.map((e) => expectedAttempts(c.nodes[e.target].props.errorRate, e.call.maxAttempts));
  for (const i of callOrder(c)) {
    const n = c.nodes[i];
    const shares = outShares(c, n);
    n.out.forEach((e, k) => {
      arrivals[c.edges[e].target] += arrivals[i] * shares[k] * attempts[e];
    });
  }
  // Holding time, callees first; a cycle is cut where it closes (the callee counts its own service only).
  const holding = new Map<number, number>();
  const visiting = new Set<number>();
  const hold = (i: number): number => {
    const known = holding.get(i);
    if (known !== undefined) return known;
    const n = c.nodes[i];
    const own = meanServiceMs(n.props);
    if (visiting.has(i) || !n.props.blocking || n.routing === 'queue' || n.routing === 'source') return own;
    visiting.add(i);
    const shares = outShares(c, n);
    let waits = 0;
    n.out.forEach((e, k) => {
      const edge = c.edges[e];
      if (edge.async || c.nodes[edge.target].routing === 'queue') return;
      const wait = shares[k] * attempts[e] * (2 * edge.call.networkMs + hold(edge.target));
      waits = n.props.callMode === 'parallel' ? Math.max(waits, wait) : waits + wait;
    });
    visiting.delete(i);
    holding.set(i, own + waits);
    return own + waits;
  };
  return c.nodes
    .filter((n) => n.routing !== 'source')
    .map((n) => {
      const holdingMs = hold(n.index);
      const utilisation = n.routing === 'queue' || n.capacity <= 0 ? null : (arrivals[n.index] * holdingMs) / 1000 / n.capacity;
      return {
        id: n.id,
        label: n.label,
        arrivalRps: arrivals[n.index],
        holdingMs,
        slots: n.capacity,
        utilisation,
        over: utilisation !== null && utilisation > CAPACITY_LIMIT,
      };
    });
}
