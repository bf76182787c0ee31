// Creating documents and asking questions about their structure.
import { CATALOG } from './catalog';
import { newId } from './ids';
import { defaultsOf, SCENARIO_FIELDS, type ScenarioSetting } from './schema';
import type { Diagram, DiagramEdge, DiagramNode, NodeKind, Scenario, XY } from './types';
import { SCHEMA_VERSION } from './types';

export function createDiagram(name = 'Untitled diagram', now = Date.now()): Diagram {
  return {
    id: newId('d'),
    name,
    schemaVersion: SCHEMA_VERSION,
    direction: 'LR',
    nodes: [],
    edges: [],
    scenarios: [],
    flows: [],
    createdAt: now,
    updatedAt: now,
  };
}

export function createNode(kind: NodeKind, position: XY, init: Partial<DiagramNode> = {}): DiagramNode {
  return {
    id: newId('n'),
    kind,
    label: CATALOG[kind].label,
    position,
    props: {},
    ...init,
  };
}

export function createEdge(source: string, target: string, init: Partial<DiagramEdge> = {}): DiagramEdge {
  return { id: newId('e'), source, target, mode: 'sync', call: {}, ...init };
}

export function createScenario(name = 'Baseline', init: Partial<Scenario> = {}): Scenario {
  return {
    id: newId('s'),
    name,
    ...defaultsOf<Pick<Scenario, ScenarioSetting>>(SCENARIO_FIELDS),
    traffic: {},
    faults: [],
    ...init,
  };
}

/** The scenario a diagram without one runs: no faults, the default settings, always the same id. */
export function baselineScenario(): Scenario {
  return createScenario('Baseline', { id: 's_default' });
}

export function childrenOf(d: Diagram, parentId: string | undefined): DiagramNode[] {
  return d.nodes.filter((n) => n.parentId === parentId);
}

/** Every node below the given groups, at any depth (not including the groups themselves). */
export function descendantIds(d: Diagram, ids: Iterable<string>): Set<string> {
  const result = new Set<string>();
  const frontier = [...ids];
  const byParent = new Map<string, string[]>();
  for (const n of d.nodes) {
    if (!n.parentId) continue;
    const list = byParent.get(n.parentId);
    if (list) list.push(n.id);
    else byParent.set(n.parentId, [n.id]);
  }
  while (frontier.length > 0) {
    const id = frontier.pop()!;
    for (const child of byParent.get(id) ?? []) {
      if (!result.has(child)) {
        result.add(child);
        frontier.push(child);
      }
    }
  }
  return result;
}

/** Ancestor group ids, nearest first. Stops on a cycle rather than looping. */
export function ancestorIds(byId: Map<string, DiagramNode>, id: string): string[] {
  const result: string[] = [];
  const seen = new Set([id]);
  let parent = byId.get(id)?.parentId;
  while (parent && !seen.has(parent)) {
    result.push(parent);
    seen.add(parent);
    parent = byId.get(parent)?.parentId;
  }
  return result;
}

export function depthOf(byId: Map<string, DiagramNode>, id: string): number {
  return ancestorIds(byId, id).length;
}
