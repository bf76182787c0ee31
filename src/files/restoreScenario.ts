// Scenarios from untrusted input: known fault types, finite times, parameters in range.
import type { ClientTraffic, Fault, FaultType, Scenario, TrafficPattern } from '../model';
import { createScenario, FAULT_TYPES, faultType, fieldError, newId } from '../model';
import { drop, finite, isRecord, own, text, type RestoreReport } from './restore';

const FAULT_TYPE_NAMES: readonly string[] = FAULT_TYPES.map((f) => f.type);
const PATTERNS: readonly TrafficPattern[] = ['constant', 'ramp', 'spike', 'steps'];
const DAY_MS = 24 * 3_600_000;
const FAULT_LIMIT = 500;

function restoreFault(raw: unknown, where: string, report: RestoreReport): Fault | null {
  if (!isRecord(raw)) return null;
  const type = own(raw, 'type') as FaultType;
  if (!FAULT_TYPE_NAMES.includes(type)) {
    drop(report, `${where}: unknown fault type "${String(type).slice(0, 40)}" (known: ${FAULT_TYPE_NAMES.join(', ')})`);
    return null;
  }
  const target = own(raw, 'target');
  const targetType = isRecord(target) ? own(target, 'type') : undefined;
  const targetId = isRecord(target) ? text(own(target, 'id'), 200) : undefined;
  if ((targetType !== 'node' && targetType !== 'edge') || !targetId) {
    drop(report, `${where}: a ${type} fault needs a target {"type": "node" | "edge", "id": ...}`);
    return null;
  }
  const startMs = finite(own(raw, 'startMs'), 0, DAY_MS);
  const endMs = finite(own(raw, 'endMs'), 0, DAY_MS);
  if (startMs === undefined || endMs === undefined || !(endMs > startMs)) {
    drop(report, `${where}: a ${type} fault on ${targetId} needs startMs and a later endMs`);
    return null;
  }
  const fault: Fault = { id: text(own(raw, 'id'), 200) || newId('f'), type, target: { type: targetType, id: targetId }, startMs, endMs };
  // The parameters this type has, each checked against its field in the fault table.
  for (const param of faultType(type).params) {
    const value = own(raw, param.key);
    if (value === undefined) continue;
    const error = fieldError(param, value);
    if (error) drop(report, `${where}: ${error}`);
    else Object.assign(fault, { [param.key]: value });
  }
  return fault;
}

function restoreTraffic(raw: unknown, where: string, report: RestoreReport): Record<string, ClientTraffic> {
  const result: Record<string, ClientTraffic> = {};
  if (!isRecord(raw)) return result;
  for (const id of Object.keys(raw)) {
    const t = raw[id];
    // Ids are defined as own properties below, so even "__proto__" reaches no prototype.
    if (!isRecord(t)) {
      drop(report, `${where}: traffic for "${id.slice(0, 40)}" is not an object`);
      continue;
    }
    const entry: ClientTraffic = {};
    const rate = own(t, 'rateRps');
    if (rate !== undefined) {
      if (typeof rate === 'number' && rate >= 0 && rate <= 1_000_000) entry.rateRps = rate;
      else drop(report, `${where}: rate for ${id} must be between 0 and 1,000,000 requests per second`);
    }
    const pattern = own(t, 'pattern');
    if (PATTERNS.includes(pattern as TrafficPattern)) entry.pattern = pattern as TrafficPattern;
    for (const key of ['patternFactor', 'patternStartMs', 'patternDurationMs'] as const) {
      const v = finite(own(t, key), 0, DAY_MS);
      if (v !== undefined) entry[key] = v;
    }
    Object.defineProperty(result, id, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

export function restoreScenario(raw: unknown, report: RestoreReport, index = 0): Scenario | null {
  if (!isRecord(raw)) {
    drop(report, `Scenario ${index + 1} is not an object`);
    return null;
  }
  const name = text(own(raw, 'name'), 200) || `Scenario ${index + 1}`;
  const where = `Scenario "${name}"`;
  const durationMs = finite(own(raw, 'durationMs'), 1, DAY_MS);
  const warmupMs = finite(own(raw, 'warmupMs'), 0, DAY_MS);
  const seed = own(raw, 'seed');
  const scenario = createScenario(name, { id: text(own(raw, 'id'), 200) || newId('s') });
  if (durationMs !== undefined) scenario.durationMs = durationMs;
  if (warmupMs !== undefined) scenario.warmupMs = Math.min(warmupMs, scenario.durationMs / 2);
  if (typeof seed === 'number' && Number.isInteger(seed)) scenario.seed = seed;
  else if (seed !== undefined) drop(report, `${where}: seed must be a whole number`);
  scenario.traffic = restoreTraffic(own(raw, 'traffic'), where, report);
  const faults = own(raw, 'faults');
  if (Array.isArray(faults)) {
    for (const f of faults.slice(0, FAULT_LIMIT)) {
      const fault = restoreFault(f, where, report);
      if (fault) scenario.faults.push(fault);
    }
  }
  return scenario;
}
