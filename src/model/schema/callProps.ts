// The call settings of a connection, each declared once; an edge stores only its overrides.
import type { CallProps } from '../types';
import { defaultsOf, type Field, findField } from './field';
import { HOUR_MS } from './nodeProps';

export type CallField = Field<keyof CallProps>;

export const CALL_FIELDS: readonly CallField[] = [
  { key: 'probability', type: 'number', label: 'Probability', doc: 'chance a request takes this edge', unit: '%', min: 0, max: 1, scale: 100, default: 1 },
  { key: 'networkMs', type: 'number', label: 'Network latency', doc: 'one-way network delay', unit: 'ms', min: 0, max: 60_000, default: 1 },
  {
    key: 'timeoutMs',
    type: 'number',
    label: 'Timeout',
    doc: 'the caller stops waiting (0 waits forever); the callee keeps working and its late answer is wasted',
    unit: 'ms',
    min: 0,
    max: HOUR_MS,
    default: 2_000,
    help: '0 waits forever',
  },
  {
    key: 'maxAttempts',
    type: 'number',
    label: 'Max attempts',
    doc: 'attempts including the first (1 means no retries)',
    unit: 'count',
    min: 1,
    max: 100,
    integer: true,
    default: 1,
    help: '1 means no retries',
  },
  { key: 'backoffMs', type: 'number', label: 'Backoff base', doc: 'delay before the first retry', unit: 'ms', min: 0, max: HOUR_MS, default: 100 },
  { key: 'backoffMultiplier', type: 'number', label: 'Backoff multiplier', doc: 'growth of the delay per retry', unit: '×', min: 1, max: 100, default: 2 },
  { key: 'backoffMaxMs', type: 'number', label: 'Backoff cap', doc: 'cap on the delay', unit: 'ms', min: 0, max: HOUR_MS, default: 2_000 },
  {
    key: 'jitter',
    type: 'choice',
    label: 'Jitter',
    doc: 'full: uniform in [0, delay]; equal: delay/2 + uniform in [0, delay/2]',
    options: [
      { value: 'none', label: 'None' },
      { value: 'full', label: 'Full' },
      { value: 'equal', label: 'Equal' },
    ],
    default: 'full',
  },
  { key: 'breaker', type: 'flag', label: 'Circuit breaker', doc: 'caller-side circuit breaker', default: false },
  {
    key: 'breakerFailureRate',
    type: 'number',
    label: 'Breaker failure rate',
    doc: 'failure rate over the window that opens it',
    unit: '%',
    min: 0,
    max: 1,
    scale: 100,
    default: 0.5,
  },
  { key: 'breakerWindowMs', type: 'number', label: 'Breaker window', doc: 'sliding window', unit: 'ms', min: 1, max: HOUR_MS, default: 10_000 },
  {
    key: 'breakerMinCalls',
    type: 'number',
    label: 'Breaker minimum calls',
    doc: 'calls in the window before it may open',
    unit: 'count',
    min: 1,
    max: 1_000_000,
    integer: true,
    default: 20,
  },
  {
    key: 'breakerCooldownMs',
    type: 'number',
    label: 'Breaker cool-down',
    doc: 'open time before half-open probes',
    unit: 'ms',
    min: 0,
    max: HOUR_MS,
    default: 5_000,
  },
  {
    key: 'breakerProbes',
    type: 'number',
    label: 'Half-open probes',
    doc: 'probes that must succeed to close it',
    unit: 'count',
    min: 1,
    max: 1000,
    integer: true,
    default: 3,
  },
  {
    key: 'bulkhead',
    type: 'number',
    label: 'Bulkhead',
    doc: 'most calls in flight at once (0 is none)',
    unit: 'concurrent calls',
    min: 0,
    max: 1_000_000,
    integer: true,
    default: 0,
    help: '0 is no bulkhead',
  },
  { key: 'fallback', type: 'flag', label: 'Fallback on failure (degraded success)', doc: 'a final failure becomes a degraded success', default: false },
];

export const DEFAULT_CALL: CallProps = defaultsOf<CallProps>(CALL_FIELDS);

export function callField(key: string): CallField | undefined {
  return findField(CALL_FIELDS, key);
}
