// Descriptors of every editable simulation property: label, unit and valid range. The inspector
// renders from them, and validation refuses out-of-range values with the same words.
import type { CallProps, NodeProps } from './types';

interface FieldBase<K extends string> {
  key: K;
  label: string;
  help?: string;
}

export interface NumberField<K extends string> extends FieldBase<K> {
  type: 'number';
  unit: string;
  min: number;
  max: number;
  integer?: boolean;
  /** Shown as value * scale (fractions as percentages). */
  scale?: number;
}

export interface ChoiceField<K extends string> extends FieldBase<K> {
  type: 'choice';
  options: readonly { value: string; label: string }[];
}

export interface FlagField<K extends string> extends FieldBase<K> {
  type: 'flag';
}

export type Field<K extends string> = NumberField<K> | ChoiceField<K> | FlagField<K>;
export type NodeField = Field<keyof NodeProps>;
export type CallField = Field<keyof CallProps>;

const HOUR_MS = 3_600_000;

export const NODE_FIELDS: readonly NodeField[] = [
  { key: 'rateRps', type: 'number', label: 'Request rate', unit: 'req/s', min: 0, max: 1_000_000 },
  {
    key: 'pattern',
    type: 'choice',
    label: 'Traffic pattern',
    options: [
      { value: 'constant', label: 'Constant' },
      { value: 'ramp', label: 'Ramp' },
      { value: 'spike', label: 'Spike' },
      { value: 'steps', label: 'Steps' },
    ],
  },
  { key: 'patternFactor', type: 'number', label: 'Pattern factor', unit: '×', min: 0, max: 1000 },
  { key: 'patternStartMs', type: 'number', label: 'Pattern start', unit: 'ms', min: 0, max: 24 * HOUR_MS },
  { key: 'patternDurationMs', type: 'number', label: 'Pattern duration', unit: 'ms', min: 0, max: 24 * HOUR_MS },
  { key: 'sloMs', type: 'number', label: 'Latency SLO', unit: 'ms', min: 0, max: HOUR_MS },
  { key: 'replicas', type: 'number', label: 'Replicas', unit: 'count', min: 1, max: 10_000, integer: true },
  { key: 'concurrency', type: 'number', label: 'Concurrency per replica', unit: 'slots', min: 1, max: 1_000_000, integer: true },
  { key: 'queueLimit', type: 'number', label: 'Queue limit', unit: 'requests', min: 0, max: 100_000_000, integer: true },
  {
    key: 'latencyDist',
    type: 'choice',
    label: 'Service time',
    options: [
      { value: 'constant', label: 'Constant' },
      { value: 'exponential', label: 'Exponential' },
      { value: 'lognormal', label: 'Log-normal (p50/p99)' },
    ],
  },
  { key: 'latencyMs', type: 'number', label: 'Latency (mean or p50)', unit: 'ms', min: 0, max: HOUR_MS },
  { key: 'latencyP99Ms', type: 'number', label: 'Latency p99', unit: 'ms', min: 0, max: HOUR_MS },
  { key: 'errorRate', type: 'number', label: 'Error rate', unit: '%', min: 0, max: 1, scale: 100 },
  { key: 'blocking', type: 'flag', label: 'Holds its slot while calling downstream' },
  {
    key: 'callMode',
    type: 'choice',
    label: 'Downstream calls',
    options: [
      { value: 'sequential', label: 'In order' },
      { value: 'parallel', label: 'In parallel' },
    ],
  },
  {
    key: 'balancing',
    type: 'choice',
    label: 'Balancing',
    options: [
      { value: 'roundRobin', label: 'Round robin' },
      { value: 'leastOutstanding', label: 'Least outstanding' },
      { value: 'random', label: 'Random' },
    ],
  },
  { key: 'ejectAfterFailures', type: 'number', label: 'Eject after failures', unit: 'in a row', min: 0, max: 1000, integer: true, help: '0 never ejects' },
  { key: 'ejectForMs', type: 'number', label: 'Ejection time', unit: 'ms', min: 0, max: HOUR_MS },
  { key: 'rateLimitRps', type: 'number', label: 'Rate limit', unit: 'req/s', min: 0, max: 10_000_000, help: '0 is unlimited' },
  { key: 'rateLimitBurst', type: 'number', label: 'Rate limit burst', unit: 'requests', min: 0, max: 10_000_000, integer: true },
  { key: 'hitRatio', type: 'number', label: 'Hit ratio', unit: '%', min: 0, max: 1, scale: 100 },
  { key: 'warmupMs', type: 'number', label: 'Warm-up after flush', unit: 'ms', min: 0, max: 24 * HOUR_MS },
  { key: 'coalescing', type: 'flag', label: 'Coalesce concurrent misses' },
  { key: 'maxDeliveries', type: 'number', label: 'Deliveries before dead-letter', unit: 'count', min: 1, max: 1000, integer: true },
];

export const CALL_FIELDS: readonly CallField[] = [
  { key: 'probability', type: 'number', label: 'Probability', unit: '%', min: 0, max: 1, scale: 100 },
  { key: 'networkMs', type: 'number', label: 'Network latency', unit: 'ms', min: 0, max: 60_000 },
  { key: 'timeoutMs', type: 'number', label: 'Timeout', unit: 'ms', min: 0, max: HOUR_MS, help: '0 waits forever' },
  { key: 'maxAttempts', type: 'number', label: 'Max attempts', unit: 'count', min: 1, max: 100, integer: true, help: '1 means no retries' },
  { key: 'backoffMs', type: 'number', label: 'Backoff base', unit: 'ms', min: 0, max: HOUR_MS },
  { key: 'backoffMultiplier', type: 'number', label: 'Backoff multiplier', unit: '×', min: 1, max: 100 },
  { key: 'backoffMaxMs', type: 'number', label: 'Backoff cap', unit: 'ms', min: 0, max: HOUR_MS },
  {
    key: 'jitter',
    type: 'choice',
    label: 'Jitter',
    options: [
      { value: 'none', label: 'None' },
      { value: 'full', label: 'Full' },
      { value: 'equal', label: 'Equal' },
    ],
  },
  { key: 'breaker', type: 'flag', label: 'Circuit breaker' },
  { key: 'breakerFailureRate', type: 'number', label: 'Breaker failure rate', unit: '%', min: 0, max: 1, scale: 100 },
  { key: 'breakerWindowMs', type: 'number', label: 'Breaker window', unit: 'ms', min: 1, max: HOUR_MS },
  { key: 'breakerMinCalls', type: 'number', label: 'Breaker minimum calls', unit: 'count', min: 1, max: 1_000_000, integer: true },
  { key: 'breakerCooldownMs', type: 'number', label: 'Breaker cool-down', unit: 'ms', min: 0, max: HOUR_MS },
  { key: 'breakerProbes', type: 'number', label: 'Half-open probes', unit: 'count', min: 1, max: 1000, integer: true },
  { key: 'bulkhead', type: 'number', label: 'Bulkhead', unit: 'concurrent calls', min: 0, max: 1_000_000, integer: true, help: '0 is no bulkhead' },
  { key: 'fallback', type: 'flag', label: 'Fallback on failure (degraded success)' },
];

export type FieldValue = number | string | boolean;

/** Checks one value against its field; returns the message a user sees, or null. */
export function fieldError<K extends string>(field: Field<K>, value: unknown): string | null {
  switch (field.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${field.label} must be a number`;
      const scale = field.scale ?? 1;
      const unit = field.unit === 'count' ? '' : ` ${field.unit}`;
      if (value < field.min) return `${field.label} must be at least ${field.min * scale}${unit}`;
      if (value > field.max) return `${field.label} must be at most ${field.max * scale}${unit}`;
      if (field.integer && !Number.isInteger(value)) return `${field.label} must be a whole number`;
      return null;
    }
    case 'choice':
      return field.options.some((o) => o.value === value) ? null : `${field.label} must be one of ${field.options.map((o) => o.value).join(', ')}`;
    case 'flag':
      return typeof value === 'boolean' ? null : `${field.label} must be true or false`;
  }
}

export function nodeField(key: string): NodeField | undefined {
  return NODE_FIELDS.find((f) => f.key === key);
}

export function callField(key: string): CallField | undefined {
  return CALL_FIELDS.find((f) => f.key === key);
}
