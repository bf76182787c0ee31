// Diagrams and scenarios for engine tests: queueing stations and small call graphs whose
// behaviour theory or the issue pins down.
import type { CallProps, Fault, LatencyDistribution, NodeProps, Scenario } from '../../src/model';
import { createScenario } from '../../src/model';
import { DiagramBuilder } from './builders';

/** Calls with no timeout, no retry and no network delay: pure queueing. */
export const PLAIN_CALL: Partial<CallProps> = { timeoutMs: 0, networkMs: 0, maxAttempts: 1 };

export interface StationOptions {
  /** Arrivals per second. */
  rateRps: number;
  /** Mean service time in ms. */
  serviceMs: number;
  servers: number;
  dist: LatencyDistribution;
  errorRate?: number;
  call?: Partial<CallProps>;
}

/** A client feeding one server: M/M/c, M/D/1 and friends. */
export function station(o: StationOptions) {
  const b = new DiagramBuilder('Station');
  const client = b.node('client', { id: 'client', props: { rateRps: o.rateRps } });
  const props: Partial<NodeProps> = {
    replicas: 1,
    concurrency: o.servers,
    latencyDist: o.dist,
    latencyMs: o.serviceMs,
    errorRate: o.errorRate ?? 0,
    queueLimit: 100_000_000,
  };
  const server = b.node('service', { id: 'server', props });
  b.edge(client, server, { call: { ...PLAIN_CALL, ...o.call } });
  return { diagram: b.build(), client, server };
}

export function scenario(durationMs: number, init: Partial<Scenario> = {}): Scenario {
  return createScenario('Test', { id: 'scenario', seed: 42, durationMs, warmupMs: Math.min(10_000, durationMs / 10), ...init });
}

export function nodeFault(type: Fault['type'], target: string, startMs: number, endMs: number, extra: Partial<Fault> = {}): Fault {
  return { id: `${type}-${target}`, type, target: { type: 'node', id: target }, startMs, endMs, ...extra };
}
