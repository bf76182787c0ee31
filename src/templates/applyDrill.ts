// From a template to something that runs: a patch (a diagram's setup, or a drill's fix) applied
// to a diagram, and a drill turned into a scenario of that diagram. Both are pure and refuse,
// with the reason, anything that names a node or connection the diagram does not have.
import type { Diagram, DiagramEdge, Fault, Result, Scenario } from '../model';
import { addNode, connect, createNode, createScenario, setCallProp, setKind, setNodeProp, isSource } from '../model';
import type { DiagramPatch, Drill } from './types';

const refuse = (reason: string) => ({ ok: false as const, reason });

/** The edge a "Source->Target" key names. */
export function edgeByKey(d: Diagram, key: string): DiagramEdge | undefined {
  const [source, target] = key.split('->').map((s) => s.trim());
  return d.edges.find((e) => e.source === source && e.target === target);
}

/** Applies kinds, node settings and call settings; one refusal undoes nothing by itself, so the
 *  store runs this inside one immer change that a refusal discards whole. */
export function applyPatch(d: Diagram, patch: DiagramPatch): Result<number> {
  let changes = 0;
  for (const [id, n] of Object.entries(patch.add.nodes)) {
    const r = addNode(d, createNode(n.kind, { x: 0, y: 0 }, { id, label: n.label, ...(n.parent ? { parentId: n.parent } : {}) }));
    if (!r.ok) return refuse(`Cannot add "${id}": ${r.reason}`);
    changes++;
  }
  for (const key of patch.add.edges) {
    const [source, target] = key.split('->').map((s) => s.trim());
    const r = connect(d, source, target);
    if (!r.ok) return refuse(`Cannot connect ${key}: ${r.reason}`);
    changes++;
  }
  for (const [id, kind] of Object.entries(patch.kinds)) {
    const r = setKind(d, id, kind);
    if (!r.ok) return refuse(`No node "${id}" to make a ${kind}: ${r.reason}`);
    changes++;
  }
  for (const [id, props] of Object.entries(patch.nodes)) {
    if (!d.nodes.some((n) => n.id === id)) return refuse(`No node "${id}" in this diagram`);
    for (const [key, value] of Object.entries(props)) {
      const r = setNodeProp(d, id, key as keyof typeof props, value as never);
      if (!r.ok) return refuse(`${id}: ${r.reason}`);
      changes++;
    }
  }
  for (const [key, call] of Object.entries(patch.edges)) {
    const edge = edgeByKey(d, key);
    if (!edge) return refuse(`No connection ${key} in this diagram`);
    for (const [k, value] of Object.entries(call)) {
      const r = setCallProp(d, edge.id, k as keyof typeof call, value as never);
      if (!r.ok) return refuse(`${key}: ${r.reason}`);
      changes++;
    }
  }
  return { ok: true, value: changes };
}

/** A copy of the diagram with the patch applied; throws when the patch does not fit. */
export function patched(d: Diagram, patch: DiagramPatch): Diagram {
  const copy = structuredClone(d);
  const r = applyPatch(copy, patch);
  if (!r.ok) throw new Error(r.reason);
  return copy;
}

/** The scenario id a drill gets in a diagram, so its Run button finds it again. */
export function drillScenarioId(drill: Drill): string {
  return `drill-${drill.id}`;
}

export function drillScenario(d: Diagram, drill: Drill): Scenario {
  const faults: Fault[] = drill.faults.map((f, i) => {
    const { on, type, startMs, endMs, ...params } = f;
    let target: Fault['target'];
    if (on.includes('->')) {
      const edge = edgeByKey(d, on);
      if (!edge) throw new Error(`Drill "${drill.title}": no connection ${on} in this diagram`);
      target = { type: 'edge', id: edge.id };
    } else {
      if (!d.nodes.some((n) => n.id === on)) throw new Error(`Drill "${drill.title}": no node "${on}" in this diagram`);
      target = { type: 'node', id: on };
    }
    return { id: `${drill.id}-${i + 1}`, type, target, startMs, endMs, ...params };
  });
  for (const id of Object.keys(drill.traffic)) {
    const kind = d.nodes.find((n) => n.id === id)?.kind;
    if (!kind || !isSource(kind)) throw new Error(`Drill "${drill.title}": traffic is set for "${id}", which is not a client`);
  }
  return createScenario(drill.title, {
    id: drillScenarioId(drill),
    seed: drill.seed,
    durationMs: drill.durationMs,
    warmupMs: drill.warmupMs,
    traffic: structuredClone(drill.traffic),
    faults,
  });
}
