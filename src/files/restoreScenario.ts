// Scenarios from untrusted input: every setting, traffic value and fault parameter taken through
// its field in the schema, and the rules between fields (a warm-up shorter than the run, a fault
// that ends after it starts and starts before the run ends) checked as the editor checks them.
import type { ClientTraffic, Fault, FaultType, Scenario } from '../model';
import {
  createScenario,
  defineOwn,
  drop,
  FAULT_TIME_FIELDS,
  FAULT_TYPES,
  faultTimeError,
  faultType,
  isRecord,
  nextFreeId,
  own,
  type RestoreReport,
  SCENARIO_FIELDS,
  fitWarmup,
  TEXT_FIELDS,
  TRAFFIC_FIELDS,
  takeFields,
  takeValue,
} from '../model';
import { restoreId, restoreText } from './restore';

const FAULT_TYPE_NAMES: readonly string[] = FAULT_TYPES.map((f) => f.type);
const FAULT_LIMIT = 500;

/** `fallbackId` is the fault's id when the input gives none: made from its place, so the same input gives the same id. */
function restoreFault(raw: unknown, where: string, durationMs: number, report: RestoreReport, fallbackId: string): Fault | null {
  if (!isRecord(raw)) return null;
  const type = own(raw, 'type') as FaultType;
  if (!FAULT_TYPE_NAMES.includes(type)) {
    drop(report, `${where}: unknown fault type "${String(type).slice(0, 40)}" (known: ${FAULT_TYPE_NAMES.join(', ')})`);
    return null;
  }
  const target = own(raw, 'target');
  const targetType = isRecord(target) ? own(target, 'type') : undefined;
  const targetId = isRecord(target) ? restoreId(own(target, 'id')) : undefined;
  if ((targetType !== 'node' && targetType !== 'edge') || !targetId) {
    drop(report, `${where}: a ${type} fault needs a target {"type": "node" | "edge", "id": ...}`);
    return null;
  }
  const at = `${where}: the ${type} fault on ${targetId}`;
  const times = { startMs: own(raw, 'startMs'), endMs: own(raw, 'endMs') };
  for (const field of FAULT_TIME_FIELDS) {
    if (times[field.key] === undefined) {
      drop(report, `${at} needs ${field.key} (left out)`);
      return null;
    }
  }
  const timing = { startMs: times.startMs as number, endMs: times.endMs as number };
  const timeError = faultTimeError(timing, durationMs);
  if (timeError) {
    drop(report, `${at}: ${timeError} (left out)`);
    return null;
  }
  const fault: Fault = { id: restoreId(own(raw, 'id')) || fallbackId, type, target: { type: targetType, id: targetId }, ...timing };
  // The parameters this type has, each through its field in the fault table.
  for (const param of faultType(type).params) {
    const value = takeValue(param, own(raw, param.key), at, report);
    if (value !== undefined) Object.assign(fault, { [param.key]: value });
  }
  return fault;
}

function restoreTraffic(raw: unknown, where: string, report: RestoreReport): Record<string, ClientTraffic> {
  const result: Record<string, ClientTraffic> = {};
  if (!isRecord(raw)) return result;
  for (const id of Object.keys(raw)) {
    const entry = takeFields<ClientTraffic>(raw[id], TRAFFIC_FIELDS, `${where}, traffic of ${id.slice(0, 40)}`, report);
    defineOwn(result, restoreId(id)!, entry);
  }
  return result;
}

export function restoreScenario(raw: unknown, report: RestoreReport, index = 0): Scenario | null {
  if (!isRecord(raw)) {
    drop(report, `Scenario ${index + 1} is not an object`);
    return null;
  }
  const name = restoreText(own(raw, 'name'), TEXT_FIELDS.scenarioName, `Scenario ${index + 1}`, report)?.trim() || `Scenario ${index + 1}`;
  const where = `Scenario "${name}"`;
  const scenario = createScenario(name, { id: restoreId(own(raw, 'id')) || `s_${index + 1}` });
  const settings = takeFields<Scenario>(
    Object.fromEntries(SCENARIO_FIELDS.filter((f) => own(raw, f.key) !== undefined).map((f) => [f.key, own(raw, f.key)])),
    SCENARIO_FIELDS,
    where,
    report,
  );
  Object.assign(scenario, settings);
  // A warm-up that does not fit the run gives way, reported, as in the editor.
  const fitted = fitWarmup(scenario);
  if (fitted.notice) drop(report, `${where}: ${fitted.notice}`);
  scenario.warmupMs = fitted.warmupMs;
  scenario.traffic = restoreTraffic(own(raw, 'traffic'), where, report);
  const faults = own(raw, 'faults');
  if (Array.isArray(faults)) {
    const ids = new Set<string>();
    faults.slice(0, FAULT_LIMIT).forEach((f, i) => {
      const fault = restoreFault(f, where, scenario.durationMs, report, `f_${i + 1}`);
      if (!fault) return;
      if (ids.has(fault.id)) fault.id = nextFreeId('f', ids);
      ids.add(fault.id);
      scenario.faults.push(fault);
    });
    if (faults.length > FAULT_LIMIT) drop(report, `${where}: only the first ${FAULT_LIMIT} faults were kept`);
  }
  return scenario;
}
