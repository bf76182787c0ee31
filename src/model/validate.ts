// Structural and value checks of a whole diagram. Edits refuse bad values one at a time; this
// catches what can arrive whole (files, links, imports, hand-written JSON for the CLI).
import { isContainer, isNodeKind } from './catalog';
import { CALL_FIELDS, fieldError, isSafeId, NODE_FIELDS } from './schema';
import { indexNodes } from './geometry';
import type { Diagram } from './types';

export interface Problem {
  message: string;
  nodeId?: string;
  edgeId?: string;
}

export function validateDiagram(d: Diagram): Problem[] {
  const problems: Problem[] = [];
  const byId = indexNodes(d);
  if (byId.size !== d.nodes.length) {
    const seen = new Set<string>();
    for (const n of d.nodes) {
      if (seen.has(n.id)) problems.push({ message: `Node id ${n.id} is used more than once`, nodeId: n.id });
      seen.add(n.id);
    }
  }
  for (const n of d.nodes) {
    if (!isSafeId(n.id)) problems.push({ message: `Node id ${JSON.stringify(n.id.slice(0, 60))} holds characters an id may not`, nodeId: n.id });
    if (!isNodeKind(n.kind)) problems.push({ message: `Node ${n.id} has an unknown kind "${String(n.kind)}"`, nodeId: n.id });
    if (!Number.isFinite(n.position?.x) || !Number.isFinite(n.position?.y)) {
      problems.push({ message: `Node ${n.id} has no valid position`, nodeId: n.id });
    }
    if (n.parentId !== undefined) {
      const parent = byId.get(n.parentId);
      if (!parent) problems.push({ message: `Node ${n.id} is inside a group ${n.parentId} that does not exist`, nodeId: n.id });
      else if (!isContainer(parent.kind)) problems.push({ message: `Node ${n.id} is inside ${n.parentId}, which is not a group`, nodeId: n.id });
      else if (hasParentCycle(byId, n.id)) {
        problems.push({ message: `Groups around ${n.id} contain each other`, nodeId: n.id });
      }
    }
    for (const field of NODE_FIELDS) {
      const value = n.props?.[field.key];
      if (value === undefined) continue;
      const error = fieldError(field, value);
      if (error) problems.push({ message: `${n.label || n.id}: ${error}`, nodeId: n.id });
    }
  }
  const pairs = new Set<string>();
  const edgeIds = new Set<string>();
  for (const e of d.edges) {
    if (!isSafeId(e.id)) problems.push({ message: `Edge id ${JSON.stringify(e.id.slice(0, 60))} holds characters an id may not`, edgeId: e.id });
    if (edgeIds.has(e.id)) problems.push({ message: `Edge id ${e.id} is used more than once`, edgeId: e.id });
    edgeIds.add(e.id);
    if (!byId.has(e.source) || !byId.has(e.target)) {
      problems.push({ message: `Edge ${e.id} connects a node that does not exist`, edgeId: e.id });
    }
    if (e.source === e.target) problems.push({ message: `Edge ${e.id} connects a node to itself`, edgeId: e.id });
    const pair = `${e.source}\u0000${e.target}`;
    if (pairs.has(pair)) problems.push({ message: `Edge ${e.id} repeats another connection from ${e.source} to ${e.target}`, edgeId: e.id });
    pairs.add(pair);
    for (const field of CALL_FIELDS) {
      const value = e.call?.[field.key];
      if (value === undefined) continue;
      const error = fieldError(field, value);
      if (error) problems.push({ message: `${e.source} → ${e.target}: ${error}`, edgeId: e.id });
    }
  }
  for (const s of d.scenarios) {
    for (const f of s.faults) {
      const exists = f.target.type === 'node' ? byId.has(f.target.id) : edgeIds.has(f.target.id);
      if (!exists) problems.push({ message: `Scenario "${s.name}": fault ${f.id} targets unknown ${f.target.type} ${f.target.id}` });
      if (!(f.endMs > f.startMs)) problems.push({ message: `Scenario "${s.name}": fault ${f.id} must end after it starts` });
    }
  }
  return problems;
}

function hasParentCycle(byId: Map<string, { parentId?: string }>, id: string): boolean {
  const seen = new Set<string>();
  let current: string | undefined = id;
  while (current !== undefined) {
    if (seen.has(current)) return true;
    seen.add(current);
    current = byId.get(current)?.parentId;
  }
  return false;
}
