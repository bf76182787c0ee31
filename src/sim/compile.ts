// Diagram + scenario -> the arrays the engine runs on. Groups, notes and edges that cannot carry
// traffic are resolved here, once, so the event loop never looks at the document again.
import type { CallProps, Delivery, Diagram, DiagramNode, Fault, NodeKind, NodeProps, Routing, Scenario } from '../model';
import { CATALOG, descendantIds, effectiveCallProps, effectiveNodeProps, faultTargetName, isSimulated, isSource } from '../model';

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

const NODE_FAULTS = new Set(['crash', 'hang', 'latency', 'errorRate', 'capacityLoss', 'cacheFlush', 'trafficSpike', 'partition']);
const EDGE_FAULTS = new Set(['partition', 'latency', 'errorRate']);

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

export function compile(d: Diagram, scenario: Scenario): Compiled {
  const problems: string[] = [];
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
    if (!(f.endMs > f.startMs) || f.startMs < 0) problems.push(`${where} must start at 0 or later and end after it starts`);
    if (f.target.type === 'edge') {
      if (!EDGE_FAULTS.has(f.type)) problems.push(`${where} cannot be put on a connection; only partition, latency and error rate can`);
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
    if (!NODE_FAULTS.has(f.type)) problems.push(`${where} has an unknown type`);
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
    checkParams(f, where, problems);
  }
  for (const [clientId, traffic] of Object.entries(scenario.traffic ?? {})) {
    const n = byId.get(clientId);
    if (!n || !isSource(n.kind)) problems.push(`Traffic is set for "${clientId}", which is not a client in this diagram`);
    if (traffic.rateRps !== undefined && !(traffic.rateRps >= 0)) problems.push(`Traffic rate for "${clientId}" must be zero or more requests per second`);
  }
  if (problems.length > 0) throw new SimInputError(problems);
  return { nodes, edges, clients: nodes.filter((n) => n.routing === 'source').map((n) => n.index), faults };
}

function checkParams(f: Fault, where: string, problems: string[]) {
  if (f.factor !== undefined && !(f.factor >= 0)) problems.push(`${where}: factor must be zero or more`);
  if (f.fraction !== undefined && !(f.fraction >= 0 && f.fraction <= 1)) problems.push(`${where}: fraction must be between 0 and 1`);
  if (f.addMs !== undefined && !(f.addMs >= 0)) problems.push(`${where}: added latency must be zero or more milliseconds`);
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
