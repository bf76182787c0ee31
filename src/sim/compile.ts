// Diagram + scenario -> the arrays the engine runs on. Groups, notes and edges that cannot carry
// traffic are resolved here, once, so the event loop never looks at the document again.
import type { CallProps, Delivery, Diagram, DiagramNode, Fault, NodeKind, NodeProps, Routing, Scenario } from '../model';
import {
  CATALOG,
  callField,
  descendantIds,
  effectiveCallProps,
  effectiveNodeProps,
  FAULT_TYPES,
  faultTargetName,
  faultTimeError,
  fieldError,
  isSimulated,
  isSource,
  nodeField,
  TRAFFIC_FIELDS,
} from '../model';

export interface CNode {
  index: number;
  id: string;
  label: string;
  kind: NodeKind;
  routing: Routing;
  /** Queueing kinds: competing consumers or a copy per consumer. */
  delivery: Delivery | null;
  props: NodeProps;
  capacity: number;
  out: number[];
  /** Every outgoing edge is taken (probability 1): no draw per request. */
  allOut: boolean;
  /** Consumer edges of queues that feed this node, so a freed slot can pull the next message. */
  feeders: number[];
}

export interface CEdge {
  index: number;
  id: string;
  /** The diagram edge this came from (an edge to or from a group becomes several). */
  modelId: string;
  source: number;
  target: number;
  call: CallProps;
  /** Fire and forget: the caller does not wait (edges into queues still wait for the ack). */
  async: boolean;
}

export interface CFault {
  fault: Fault;
  nodes: number[];
  edges: number[];
  /** For a group fault, the group's label, for the event log. */
  label: string;
}

export interface Compiled {
  nodes: CNode[];
  edges: CEdge[];
  clients: number[];
  faults: CFault[];
}

export class SimInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SimInputError';
  }
}

/** The nodes a call into a group reaches: its members that nothing else inside calls. */
function groupEntries(d: Diagram, groupId: string, simulated: Map<string, number>): number[] {
  const members = [...descendantIds(d, [groupId])].filter((id) => simulated.has(id));
  const inside = new Set(members);
  const calledFromInside = new Set(d.edges.filter((e) => inside.has(e.source) && inside.has(e.target)).map((e) => e.target));
  const entries = members.filter((id) => !calledFromInside.has(id));
  return (entries.length > 0 ? entries : members).map((id) => simulated.get(id)!);
}

/** The nodes a call out of a group leaves from: its members that call nothing else inside. */
function groupExits(d: Diagram, groupId: string, simulated: Map<string, number>): number[] {
  const members = [...descendantIds(d, [groupId])].filter((id) => simulated.has(id));
  const inside = new Set(members);
  const callsInside = new Set(d.edges.filter((e) => inside.has(e.source) && inside.has(e.target)).map((e) => e.source));
  const exits = members.filter((id) => !callsInside.has(id));
  return (exits.length > 0 ? exits : members).map((id) => simulated.get(id)!);
}

/**
 * The engine's input check reads the same schema as the inspector and every restore path: a
 * value the editor or a file import would refuse stops the run with the same message.
 */
function inputProblems(d: Diagram, scenario: Scenario, durationMs: number): string[] {
  const problems: string[] = [];
  for (const n of d.nodes) {
    for (const key of Object.keys(n.props)) {
      const field = nodeField(key);
      const error = field ? fieldError(field, n.props[key as keyof NodeProps]) : `unknown setting "${key}"`;
      if (error) problems.push(`${n.label || n.id}: ${error}`);
    }
  }
  for (const e of d.edges) {
    for (const key of Object.keys(e.call)) {
      const field = callField(key);
      const error = field ? fieldError(field, e.call[key as keyof CallProps]) : `unknown setting "${key}"`;
      if (error) problems.push(`${e.source} → ${e.target}: ${error}`);
    }
  }
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  for (const f of scenario.faults) {
    const where = `Fault ${f.id} (${f.type})`;
    const entry = FAULT_TYPES.find((t) => t.type === f.type);
    if (!entry) {
      problems.push(`${where} has an unknown type`);
      continue;
    }
    if (f.target.type === 'edge' && !entry.onEdge) problems.push(`${where}: ${entry.label} cannot be put on a connection`);
    if (f.target.type === 'node') {
      const node = byId.get(f.target.id);
      if (node && !entry.onNode(node.kind)) problems.push(`${where}: ${entry.label} cannot be put on ${node.label || node.id} (a ${CATALOG[node.kind].label})`);
    }
    const times = faultTimeError(f, durationMs);
    if (times) problems.push(`${where}: ${times}`);
    for (const p of entry.params) {
      const value = f[p.key];
      const error = value === undefined ? null : fieldError(p, value);
      if (error) problems.push(`${where}: ${error}`);
    }
  }
  for (const [clientId, traffic] of Object.entries(scenario.traffic ?? {})) {
    const n = byId.get(clientId);
    if (!n || !isSource(n.kind)) problems.push(`Traffic is set for "${clientId}", which is not a client in this diagram`);
    for (const [key, value] of Object.entries(traffic)) {
      const field = TRAFFIC_FIELDS.find((t) => t.key === key);
      const error = field ? fieldError(field, value) : `unknown traffic setting "${key}"`;
      if (error) problems.push(`Traffic of "${clientId}": ${error}`);
    }
  }
  return problems;
}

export function compile(d: Diagram, scenario: Scenario, durationMs = scenario.durationMs): Compiled {
  const problems = inputProblems(d, scenario, durationMs);
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const nodes: CNode[] = [];
  const simulated = new Map<string, number>();
  for (const n of d.nodes) {
    if (!isSimulated(n.kind)) continue;
    const props = effectiveNodeProps(n.kind, withTraffic(n, scenario));
    simulated.set(n.id, nodes.length);
    nodes.push({
      index: nodes.length,
      id: n.id,
      label: n.label || CATALOG[n.kind].label,
      kind: n.kind,
      routing: CATALOG[n.kind].routing,
      delivery: CATALOG[n.kind].delivery ?? null,
      props,
      capacity: props.replicas * props.concurrency,
      out: [],
      allOut: true,
      feeders: [],
    });
  }

  const edges: CEdge[] = [];
  const pairs = new Set<string>();
  for (const e of d.edges) {
    const sourceNode = byId.get(e.source);
    const targetNode = byId.get(e.target);
    if (!sourceNode || !targetNode) continue;
    const sources = CATALOG[sourceNode.kind].container ? groupExits(d, e.source, simulated) : simulated.has(e.source) ? [simulated.get(e.source)!] : [];
    const targets = CATALOG[targetNode.kind].container ? groupEntries(d, e.target, simulated) : simulated.has(e.target) ? [simulated.get(e.target)!] : [];
    for (const s of sources) {
      for (const t of targets) {
        if (s === t || nodes[t].routing === 'source' || pairs.has(`${s}>${t}`)) continue;
        pairs.add(`${s}>${t}`);
        const intoQueue = nodes[t].routing === 'queue';
        const edge: CEdge = {
          index: edges.length,
          id: sources.length * targets.length > 1 ? `${e.id}:${nodes[s].id}>${nodes[t].id}` : e.id,
          modelId: e.id,
          source: s,
          target: t,
          call: effectiveCallProps(e.call),
          async: e.mode === 'async' && !intoQueue,
        };
        edges.push(edge);
        nodes[s].out.push(edge.index);
        if (edge.call.probability < 1) nodes[s].allOut = false;
        if (nodes[s].routing === 'queue') nodes[t].feeders.push(edge.index);
      }
    }
  }

  const edgeByModelId = new Map<string, number[]>();
  for (const e of edges) {
    edgeByModelId.set(e.modelId, [...(edgeByModelId.get(e.modelId) ?? []), e.index]);
  }

  const faults: CFault[] = [];
  for (const f of scenario.faults) {
    const where = `Fault ${f.id} (${f.type})`;
    if (f.target.type === 'edge') {
      const list = edgeByModelId.get(f.target.id);
      if (!list) {
        if (!d.edges.some((e) => e.id === f.target.id)) problems.push(`${where} targets unknown edge "${f.target.id}"`);
        continue;
      }
      faults.push({ fault: f, nodes: [], edges: list, label: faultTargetName(d, f.target) });
      continue;
    }
    const target = byId.get(f.target.id);
    if (!target) {
      problems.push(`${where} targets unknown node "${f.target.id}"`);
      continue;
    }
    const members = CATALOG[target.kind].container
      ? [...descendantIds(d, [target.id])].filter((id) => simulated.has(id)).map((id) => simulated.get(id)!)
      : simulated.has(target.id)
        ? [simulated.get(target.id)!]
        : [];
    if (f.type === 'partition') {
      // A node or a group cut off from the network: every edge across its boundary.
      const inside = new Set(members);
      faults.push({ fault: f, nodes: [], edges: edges.filter((e) => inside.has(e.source) !== inside.has(e.target)).map((e) => e.index), label: target.label });
    } else {
      faults.push({ fault: f, nodes: members, edges: [], label: target.label });
    }
  }
  if (problems.length > 0) throw new SimInputError(problems);
  return { nodes, edges, clients: nodes.filter((n) => n.routing === 'source').map((n) => n.index), faults };
}

function withTraffic(n: DiagramNode, scenario: Scenario): Partial<NodeProps> {
  const t = scenario.traffic?.[n.id];
  if (!t || !isSource(n.kind)) return n.props;
  const merged: Partial<NodeProps> = { ...n.props };
  if (t.rateRps !== undefined) merged.rateRps = t.rateRps;
  if (t.pattern !== undefined) merged.pattern = t.pattern;
  if (t.patternFactor !== undefined) merged.patternFactor = t.patternFactor;
  if (t.patternStartMs !== undefined) merged.patternStartMs = t.patternStartMs;
  if (t.patternDurationMs !== undefined) merged.patternDurationMs = t.patternDurationMs;
  return merged;
}
