// Scenarios: named plans of traffic and faults stored with the diagram. Pure edits, run by the
// store inside immer like every other edit; each checks its input and says why it refuses.
import { CATALOG, isSource } from './catalog';
import { createScenario } from './diagram';
import { faultType, faultTypesFor } from './faultTypes';
import { faultTimeError, fieldError, fitWarmup, nodeField, SCENARIO_FIELDS, type ScenarioSetting, scenarioRuleError, type TRAFFIC_KEYS } from './schema';
import { newId } from './ids';
import type { ClientTraffic, Diagram, Fault, FaultType, Scenario } from './types';
import { cloneRecord, type Result } from './edits';

const refuse = (reason: string) => ({ ok: false as const, reason });

export function findScenario(d: Diagram, id: string | null | undefined): Scenario | undefined {
  return d.scenarios.find((s) => s.id === id) ?? d.scenarios[0];
}

/** The scenario edits apply to; a diagram without one gets a Baseline first. */
export function ensureScenario(d: Diagram, id: string | null | undefined): Scenario {
  const found = findScenario(d, id);
  if (found) return found;
  const created = createScenario();
  d.scenarios.push(created);
  return d.scenarios[d.scenarios.length - 1];
}

export function addScenario(d: Diagram, name: string, from?: Scenario): Result<Scenario> {
  const clean = name.trim();
  if (!clean) return refuse('A scenario needs a name');
  const scenario = from ? { ...cloneRecord(from), id: newId('s'), name: clean } : createScenario(clean);
  d.scenarios.push(scenario);
  return { ok: true, value: scenario };
}

export function renameScenario(d: Diagram, id: string, name: string): Result<Scenario> {
  const s = d.scenarios.find((x) => x.id === id);
  if (!s) return refuse('That scenario no longer exists');
  if (!name.trim()) return refuse('A scenario needs a name');
  s.name = name.trim();
  return { ok: true, value: s };
}

export function removeScenario(d: Diagram, id: string): Result<number> {
  const before = d.scenarios.length;
  d.scenarios = d.scenarios.filter((s) => s.id !== id);
  if (d.scenarios.length === before) return refuse('That scenario no longer exists');
  return { ok: true, value: before - d.scenarios.length };
}

export function setScenarioSetting(d: Diagram, id: string, key: ScenarioSetting, value: number): Result<Scenario> {
  const s = ensureScenario(d, id);
  const field = SCENARIO_FIELDS.find((f) => f.key === key)!;
  const error = fieldError(field, value);
  if (error) return refuse(error);
  const next = { ...s, [key]: value };
  // A warm-up set too long is refused; a run made shorter than its warm-up keeps its new length
  // and the warm-up gives way, reported (as a file with both would be restored).
  if (key === 'warmupMs') {
    const rule = scenarioRuleError(next);
    if (rule) return refuse(rule);
  }
  const fitted = fitWarmup(next);
  s[key] = value;
  s.warmupMs = fitted.warmupMs;
  return fitted.notice ? { ok: true, value: s, notice: fitted.notice } : { ok: true, value: s };
}

export function setTraffic<K extends (typeof TRAFFIC_KEYS)[number]>(
  d: Diagram,
  scenarioId: string | null,
  clientId: string,
  key: K,
  value: ClientTraffic[K] | undefined,
): Result<Scenario> {
  const client = d.nodes.find((n) => n.id === clientId);
  if (!client || !isSource(client.kind)) return refuse('Traffic is set on clients only');
  const s = ensureScenario(d, scenarioId);
  if (value !== undefined) {
    const error = fieldError(nodeField(key)!, value);
    if (error) return refuse(error);
  }
  const traffic = { ...s.traffic[clientId] };
  if (value === undefined) delete traffic[key];
  else traffic[key] = value;
  if (Object.keys(traffic).length === 0) delete s.traffic[clientId];
  else s.traffic[clientId] = traffic;
  return { ok: true, value: s };
}

/** What a fault is on, in words: a node's label, or "Source → Target" for a connection. */
export function faultTargetName(d: Diagram, target: Fault['target']): string {
  const label = (id: string) => d.nodes.find((n) => n.id === id)?.label || id;
  if (target.type === 'node') return label(target.id);
  const e = d.edges.find((x) => x.id === target.id);
  return e ? `${label(e.source)} → ${label(e.target)}` : target.id;
}

/** Why a fault cannot be stored as it is, or null. */
export function faultRefusal(d: Diagram, f: Fault, durationMs: number): string | null {
  const entry = faultType(f.type);
  if (!entry) return `Unknown fault type "${f.type}"`;
  if (f.target.type === 'edge') {
    if (!d.edges.some((e) => e.id === f.target.id)) return 'That connection no longer exists';
    if (!entry.onEdge) return `${entry.label} cannot be put on a connection`;
  } else {
    const node = d.nodes.find((n) => n.id === f.target.id);
    if (!node) return 'That node no longer exists';
    if (!faultTypesFor(node.kind).includes(entry)) return `${entry.label} cannot be put on ${node.label || 'this node'} (a ${CATALOG[node.kind].label})`;
  }
  const times = faultTimeError(f, durationMs);
  if (times) return times;
  for (const p of entry.params) {
    const value = f[p.key];
    if (value === undefined) continue;
    const error = fieldError(p, value);
    if (error) return error;
  }
  return null;
}

/** A new fault of a type on a target, from `startMs`, for `lengthMs` (clipped to the run). */
export function newFault(type: FaultType, target: Fault['target'], startMs: number, durationMs: number, lengthMs = 20_000): Fault {
  const start = Math.max(0, Math.min(Math.round(startMs), durationMs - 1_000));
  return { id: newId('f'), type, target, startMs: start, endMs: Math.min(durationMs, start + lengthMs), ...faultType(type).defaults };
}

export function addFault(d: Diagram, scenarioId: string | null, fault: Fault): Result<Fault> {
  const s = ensureScenario(d, scenarioId);
  const refusal = faultRefusal(d, fault, s.durationMs);
  if (refusal) return refuse(refusal);
  s.faults.push(fault);
  return { ok: true, value: fault };
}

export type FaultPatch = Partial<Pick<Fault, 'type' | 'startMs' | 'endMs' | 'addMs' | 'factor' | 'fraction' | 'partition'>>;

export function updateFault(d: Diagram, scenarioId: string, faultId: string, patch: FaultPatch): Result<Fault> {
  const s = d.scenarios.find((x) => x.id === scenarioId);
  const f = s?.faults.find((x) => x.id === faultId);
  if (!s || !f) return refuse('That fault no longer exists');
  const next: Fault = { ...f, ...patch, target: { ...f.target } };
  if (patch.type && patch.type !== f.type) Object.assign(next, faultType(patch.type).defaults, patch);
  const refusal = faultRefusal(d, next, s.durationMs);
  if (refusal) return refuse(refusal);
  Object.assign(f, next);
  return { ok: true, value: f };
}

export function removeFault(d: Diagram, scenarioId: string, faultId: string): Result<Fault> {
  const s = d.scenarios.find((x) => x.id === scenarioId);
  const f = s?.faults.find((x) => x.id === faultId);
  if (!s || !f) return refuse('That fault no longer exists');
  s.faults = s.faults.filter((x) => x.id !== faultId);
  return { ok: true, value: f };
}
