// The retry-storm drill: clients -> API -> a dependency that slows down for ten seconds.
import type { CallProps } from '../../src/model';
import { DiagramBuilder } from './builders';
import { nodeFault, scenario } from './simScenarios';

export const STORM_FAULT = { start: 20_000, end: 30_000 };

export function retryStorm(call: Partial<CallProps>) {
  const b = new DiagramBuilder('Retry storm');
  b.node('client', { id: 'users', props: { rateRps: 200, sloMs: 2_000 } });
  b.node('service', { id: 'api', props: { replicas: 10, concurrency: 100, queueLimit: 2_000, latencyMs: 5, latencyP99Ms: 20, errorRate: 0 } });
  b.node('service', {
    id: 'dep',
    label: 'Dependency',
    props: { replicas: 3, concurrency: 50, queueLimit: 300, latencyMs: 20, latencyP99Ms: 80, errorRate: 0 },
  });
  b.edge('users', 'api', { call: { timeoutMs: 5_000 } });
  b.edge('api', 'dep', { id: 'api-dep', call: { timeoutMs: 300, ...call } });
  const s = scenario(60_000, { warmupMs: 5_000, faults: [nodeFault('latency', 'dep', STORM_FAULT.start, STORM_FAULT.end, { addMs: 1_000 })] });
  return { diagram: b.build(), scenario: s };
}

export const NAIVE_RETRIES: Partial<CallProps> = { maxAttempts: 4, backoffMs: 0, jitter: 'none' };
export const BACKOFF_AND_BREAKER: Partial<CallProps> = {
  maxAttempts: 4,
  backoffMs: 100,
  backoffMultiplier: 2,
  jitter: 'full',
  breaker: true,
  breakerWindowMs: 2_000,
  breakerMinCalls: 20,
  breakerFailureRate: 0.5,
  breakerCooldownMs: 2_000,
  breakerProbes: 3,
};
