// A whole diagram from untrusted input, rebuilt record by record: bad records are dropped and
// counted, duplicate ids regenerated, parents and edges that point nowhere removed. The result
// always passes validateDiagram.
import type { Diagram, DiagramEdge, DiagramNode, RequestFlow } from '../model';
import {
  createDiagram,
  isSlug,
  migrate,
  nextFreeId,
  SCHEMA_VERSION,
  validateDiagram,
  CATALOG,
  isSource,
  isContainer,
  TEXT_FIELDS,
  takeMermaidSource,
} from '../model';
import { restoreFlow } from './restoreFlow';
import { restoreScenario } from './restoreScenario';
import {
  drop,
  finite,
  isRecord,
  newReport,
  own,
  restoreDirection,
  restoreEdge,
  restoreId,
  restoreNode,
  restoreText,
  text,
  type RestoreReport,
} from './restore';

export const NODE_LIMIT = 20_000;
export const EDGE_LIMIT = 40_000;

export interface Restored {
  diagram: Diagram;
  report: RestoreReport;
}

function uniqueNodes(raw: unknown[], report: RestoreReport): DiagramNode[] {
  const nodes: DiagramNode[] = [];
  const seen = new Set<string>();
  // Every id the input names, so a replacement id is never one a later node has.
  const taken = new Set(raw.map((r) => (isRecord(r) ? String(own(r, 'id')) : '')));
  for (const r of raw.slice(0, NODE_LIMIT)) {
    const n = restoreNode(r, report);
    if (!n) continue;
    if (seen.has(n.id)) {
      const fresh = nextFreeId('n', taken);
      drop(report, `Node id ${n.id} was used twice; the second became ${fresh}`);
      n.id = fresh;
    }
    seen.add(n.id);
    nodes.push(n);
  }
  if (raw.length > NODE_LIMIT) drop(report, `Only the first ${NODE_LIMIT} nodes were kept`);
  return nodes;
}

function repairParents(nodes: DiagramNode[], report: RestoreReport): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    if (n.parentId === undefined) continue;
    const parent = byId.get(n.parentId);
    if (!parent || !isContainer(parent.kind)) {
      drop(report, `${n.label || n.id} was inside ${n.parentId}, which is not a group here; it now stands alone`);
      delete n.parentId;
    }
  }
  for (const n of nodes) {
    const seen = new Set([n.id]);
    for (let p = n.parentId; p !== undefined; p = byId.get(p)?.parentId) {
      if (seen.has(p)) {
        drop(report, `Groups around ${n.id} contained each other; ${n.id} now stands alone`);
        delete n.parentId;
        break;
      }
      seen.add(p);
    }
  }
}

function validEdges(raw: unknown[], nodes: DiagramNode[], report: RestoreReport): DiagramEdge[] {
  const ids = new Set(nodes.map((n) => n.id));
  const unconnectable = new Set(nodes.filter((n) => !CATALOG[n.kind].connectable).map((n) => n.id));
  const edges: DiagramEdge[] = [];
  const pairs = new Set<string>();
  const edgeIds = new Set<string>();
  const taken = new Set(raw.map((r) => (isRecord(r) ? String(own(r, 'id')) : '')));
  for (const r of raw.slice(0, EDGE_LIMIT)) {
    const e = restoreEdge(r, report);
    if (!e) continue;
    if (!ids.has(e.source) || !ids.has(e.target)) {
      drop(report, `Connection ${e.id} points at a node that does not exist (${!ids.has(e.source) ? e.source : e.target})`);
      continue;
    }
    if (e.source === e.target || unconnectable.has(e.source) || unconnectable.has(e.target)) {
      drop(report, `Connection ${e.id} cannot connect ${e.source} to ${e.target}`);
      continue;
    }
    const pair = `${e.source}\u0000${e.target}`;
    if (pairs.has(pair)) {
      drop(report, `Connection ${e.id} repeats ${e.source} → ${e.target}`);
      continue;
    }
    if (edgeIds.has(e.id)) e.id = nextFreeId('e', taken);
    pairs.add(pair);
    edgeIds.add(e.id);
    edges.push(e);
  }
  return edges;
}

export function restoreDiagram(input: unknown, report: RestoreReport = newReport()): Restored {
  if (!isRecord(input) || !Array.isArray(own(input, 'nodes'))) {
    throw new Error('This is not a Faultline diagram: it has no list of nodes.');
  }
  const raw = migrate(input);
  const diagram = createDiagram(restoreText(own(raw, 'name'), TEXT_FIELDS.diagramName, 'The diagram', report)?.trim() || 'Imported diagram');
  diagram.id = restoreId(own(raw, 'id')) || diagram.id;
  diagram.schemaVersion = SCHEMA_VERSION;
  diagram.direction = restoreDirection(own(raw, 'direction'));
  const templateId = text(own(raw, 'templateId'), 80);
  if (templateId && isSlug(templateId)) {
    diagram.templateId = templateId;
    const block = finite(own(raw, 'templateBlock'), 1, 100);
    if (block !== undefined && Number.isInteger(block)) diagram.templateBlock = block;
  }
  const source = takeMermaidSource(own(raw, 'mermaidSource'));
  if (source) diagram.mermaidSource = source;
  diagram.createdAt = finite(own(raw, 'createdAt'), 0, 1e15) ?? diagram.createdAt;
  diagram.updatedAt = finite(own(raw, 'updatedAt'), 0, 1e15) ?? diagram.updatedAt;
  diagram.nodes = uniqueNodes(own(raw, 'nodes') as unknown[], report);
  repairParents(diagram.nodes, report);
  const rawEdges = own(raw, 'edges');
  diagram.edges = validEdges(Array.isArray(rawEdges) ? rawEdges : [], diagram.nodes, report);
  const nodeIds = new Set(diagram.nodes.map((n) => n.id));
  const edgeIds = new Set(diagram.edges.map((e) => e.id));
  const rawScenarios = own(raw, 'scenarios');
  if (Array.isArray(rawScenarios)) {
    rawScenarios.slice(0, 100).forEach((r, i) => {
      const s = restoreScenario(r, report, i);
      if (!s) return;
      if (diagram.scenarios.some((other) => other.id === s.id)) s.id = nextFreeId('s', new Set(diagram.scenarios.map((other) => other.id)));
      s.faults = s.faults.filter((f) => {
        const known = f.target.type === 'node' ? nodeIds.has(f.target.id) : edgeIds.has(f.target.id);
        if (!known) drop(report, `Scenario "${s.name}": fault ${f.id} targets ${f.target.id}, which is not in the diagram`);
        return known;
      });
      for (const id of Object.keys(s.traffic)) {
        if (!diagram.nodes.some((n) => n.id === id && isSource(n.kind))) {
          drop(report, `Scenario "${s.name}": traffic for ${id}, which is not a client`);
          delete s.traffic[id];
        }
      }
      diagram.scenarios.push(s);
    });
  }
  const rawFlows = own(raw, 'flows');
  if (Array.isArray(rawFlows)) {
    diagram.flows = rawFlows
      .slice(0, 100)
      .map((f, i) => restoreFlow(f, nodeIds, report, i))
      .filter((f): f is RequestFlow => f !== null);
    const flowIds = new Set<string>();
    for (const f of diagram.flows) {
      if (flowIds.has(f.id)) f.id = nextFreeId('w', flowIds);
      flowIds.add(f.id);
    }
  }
  const problems = validateDiagram(diagram);
  if (problems.length > 0) throw new Error(`Restore left problems: ${problems.map((p) => p.message).join('; ')}`);
  return { diagram, report };
}
