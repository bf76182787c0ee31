// Builders for test documents: say what matters to the test, let the builder fill the rest.
import type { CallProps, Diagram, DiagramNode, Fault, NodeKind, NodeProps, Scenario } from '../../src/model';
import { CATALOG, createDiagram, createScenario } from '../../src/model';

export interface NodeOptions {
  id?: string;
  label?: string;
  x?: number;
  y?: number;
  parent?: string;
  props?: Partial<NodeProps>;
  size?: { width: number; height: number };
}

export interface EdgeOptions {
  id?: string;
  label?: string;
  mode?: 'sync' | 'async';
  call?: Partial<CallProps>;
}

export class DiagramBuilder {
  readonly diagram: Diagram;
  private seq = 0;

  constructor(name = 'Test diagram') {
    this.diagram = createDiagram(name, 0);
    this.diagram.id = 'd_test';
  }

  node(kind: NodeKind, options: NodeOptions = {}): string {
    const id = options.id ?? `${kind}${++this.seq}`;
    const node: DiagramNode = {
      id,
      kind,
      label: options.label ?? options.id ?? `${CATALOG[kind].label} ${this.seq}`,
      position: { x: options.x ?? this.seq * 220, y: options.y ?? 0 },
      props: options.props ?? {},
    };
    if (options.parent) node.parentId = options.parent;
    if (options.size) node.size = options.size;
    this.diagram.nodes.push(node);
    return id;
  }

  group(label: string, options: NodeOptions = {}): string {
    return this.node('group', { label, size: { width: 400, height: 300 }, ...options });
  }

  edge(source: string, target: string, options: EdgeOptions = {}): string {
    const id = options.id ?? `e${source}-${target}`;
    const targetKind = this.diagram.nodes.find((n) => n.id === target)?.kind;
    const asyncTarget = targetKind !== undefined && CATALOG[targetKind].asyncInbound;
    this.diagram.edges.push({
      id,
      source,
      target,
      mode: options.mode ?? (asyncTarget ? 'async' : 'sync'),
      call: options.call ?? {},
      ...(options.label ? { label: options.label } : {}),
    });
    return id;
  }

  /** The way the diagram's flow runs. */
  direction(direction: Diagram['direction']): this {
    this.diagram.direction = direction;
    return this;
  }

  /** Connects each node to the next. */
  chain(...ids: string[]): this {
    for (let i = 1; i < ids.length; i++) this.edge(ids[i - 1], ids[i]);
    return this;
  }

  scenario(init: Partial<Scenario> = {}): Scenario {
    const s = createScenario(init.name ?? 'Test scenario', { id: `s${this.diagram.scenarios.length + 1}`, ...init });
    this.diagram.scenarios.push(s);
    return s;
  }

  build(): Diagram {
    return this.diagram;
  }
}

export function fault(type: Fault['type'], target: string, startMs: number, endMs: number, extra: Partial<Fault> = {}): Fault {
  return { id: `f_${type}_${target}_${startMs}`, type, target: { type: 'node', id: target }, startMs, endMs, ...extra };
}

/** A client -> service -> database chain, the smallest diagram that does something. */
export function threeTier(): { diagram: Diagram; client: string; service: string; db: string } {
  const b = new DiagramBuilder('Three tier');
  const client = b.node('client', { id: 'client', label: 'Users' });
  const service = b.node('service', { id: 'api', label: 'API' });
  const db = b.node('database', { id: 'db', label: 'Orders DB' });
  b.chain(client, service, db);
  return { diagram: b.build(), client, service, db };
}
