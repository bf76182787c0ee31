// A scenario's settings, its per-client traffic and its faults' times, each declared once, with
// the rules between fields (a warm-up shorter than the run, a fault that ends after it starts).
import type { ClientTraffic, Fault, Scenario } from '../types';
import { type Field, findField, fieldError } from './field';
import { DAY_MS, NODE_FIELDS, type NodeField } from './nodeProps';

export type ScenarioSetting = 'seed' | 'durationMs' | 'warmupMs';

export const SCENARIO_FIELDS: readonly Field<ScenarioSetting>[] = [
  { key: 'durationMs', type: 'number', label: 'Duration', doc: 'simulated time', unit: 's', min: 1_000, max: DAY_MS, scale: 0.001, default: 60_000 },
  {
    key: 'warmupMs',
    type: 'number',
    label: 'Warm-up',
    doc: 'time left out of the summary; shorter than the run',
    unit: 's',
    min: 0,
    max: DAY_MS,
    scale: 0.001,
    default: 5_000,
    help: 'Not counted in the summary',
  },
  {
    key: 'seed',
    type: 'number',
    label: 'Seed',
    doc: 'the same diagram, scenario and seed give the same run, to the byte',
    unit: 'count',
    min: 0,
    max: 2 ** 31 - 1,
    integer: true,
    default: 1,
    help: 'Same seed, same run',
  },
];

export const FAULT_TIME_FIELDS: readonly Field<'startMs' | 'endMs'>[] = [
  { key: 'startMs', type: 'number', label: 'Starts at', unit: 's', min: 0, max: DAY_MS, scale: 0.001 },
  { key: 'endMs', type: 'number', label: 'Ends at', unit: 's', min: 0, max: DAY_MS, scale: 0.001 },
];

/** Traffic settings a scenario can override per client: the client's own fields. */
export const TRAFFIC_KEYS = ['rateRps', 'pattern', 'patternFactor', 'patternStartMs', 'patternDurationMs'] as const satisfies readonly (keyof ClientTraffic)[];
export const TRAFFIC_FIELDS: readonly NodeField[] = NODE_FIELDS.filter((f) => (TRAFFIC_KEYS as readonly string[]).includes(f.key));

export function scenarioField(key: string): Field<ScenarioSetting> | undefined {
  return findField(SCENARIO_FIELDS, key);
}

/** Why a scenario's settings do not fit together, or null. */
export function scenarioRuleError(s: Pick<Scenario, 'durationMs' | 'warmupMs'>): string | null {
  return s.warmupMs < s.durationMs ? null : 'Warm-up must be shorter than the run';
}

/**
 * When a scenario's warm-up does not fit its run, the warm-up gives way, on every path: it is
 * replaced by the default (or none, when the run is shorter than that) and the reason reported.
 */
export function fitWarmup(s: Pick<Scenario, 'durationMs' | 'warmupMs'>): { warmupMs: number; notice: string | null } {
  const rule = scenarioRuleError(s);
  if (!rule) return { warmupMs: s.warmupMs, notice: null };
  const preferred = SCENARIO_FIELDS.find((f) => f.key === 'warmupMs')!.default as number;
  const warmupMs = preferred < s.durationMs ? preferred : 0;
  return { warmupMs, notice: `${rule} (warm-up ${s.warmupMs / 1000} s in a ${s.durationMs / 1000} s run; left out, ${warmupMs / 1000} s used)` };
}

/** Every problem with a scenario's own settings (not its faults), in the fields' own words. */
export function scenarioSettingErrors(s: Pick<Scenario, ScenarioSetting>): string[] {
  const errors = SCENARIO_FIELDS.map((f) => fieldError(f, s[f.key])).filter((e): e is string => e !== null);
  if (errors.length === 0) {
    const rule = scenarioRuleError(s);
    if (rule) errors.push(rule);
  }
  return errors;
}

/** Why a fault's times do not fit a run of this length, or null. */
export function faultTimeError(f: Pick<Fault, 'startMs' | 'endMs'>, durationMs: number): string | null {
  for (const field of FAULT_TIME_FIELDS) {
    const error = fieldError(field, f[field.key]);
    if (error) return error;
  }
  if (!(f.endMs > f.startMs)) return 'A fault must end after it starts';
  if (f.startMs >= durationMs) return `A fault must start before the run ends (${durationMs / 1000} s)`;
  return null;
}
