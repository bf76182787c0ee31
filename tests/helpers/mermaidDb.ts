// What mermaid itself read from a diagram text, field by field from its own database, for
// comparing two texts: the same diagram to mermaid is the same snapshot. Only fields mermaid
// derives from counters (generated DOM ids) are left out.
import { withParsedDiagram } from '../../src/mermaid/loadMermaid';

type Db = Record<string, (...args: unknown[]) => unknown>;

const VOLATILE = new Set(['domId', 'labelStyle', 'look', 'rendererType', 'cssCompiledStyles']);

/** A plain copy of a value, maps as objects, without volatile keys. */
function plain(value: unknown, depth = 0): unknown {
  if (depth > 8) return '…';
  if (value instanceof Map) return plain(Object.fromEntries(value), depth + 1);
  if (value instanceof Set) return [...value].map((v) => plain(v, depth + 1));
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!VOLATILE.has(k) && typeof v !== 'function' && v !== undefined) out[k] = plain(v, depth + 1);
    return out;
  }
  return value;
}

function call(db: Db, name: string, ...args: unknown[]): unknown {
  return typeof db[name] === 'function' ? plain(db[name](...args)) : undefined;
}

/** Fields read as they are, by the getter that gives each. */
const GETTERS = {
  sequence: {
    actors: 'getActors',
    actorKeys: 'getActorKeys',
    messages: 'getMessages',
    boxes: 'getBoxes',
    created: 'getCreatedActors',
    destroyed: 'getDestroyedActors',
    title: 'getDiagramTitle',
  },
  architecture: { services: 'getServices', junctions: 'getJunctions', groups: 'getGroups', edges: 'getEdges' },
};

export interface DbSnapshot {
  type: string;
  fields: Record<string, unknown>;
}

export function mermaidSnapshot(text: string): Promise<DbSnapshot> {
  return withParsedDiagram(text, ({ type, db: raw }) => {
    const db = raw as Db;
    const fields: Record<string, unknown> = {};
    if (type.startsWith('flowchart') || type === 'graph') {
      fields.direction = call(db, 'getDirection');
      fields.vertices = call(db, 'getVertices');
      // Edge ids are made from the ends and a counter unless the author wrote one.
      fields.edges = (call(db, 'getEdges') as Record<string, unknown>[]).map((e) => {
        const { id, isUserDefinedId, ...rest } = e;
        return isUserDefinedId ? { id, ...rest } : rest;
      });
      fields.subgraphs = (call(db, 'getSubGraphs') as Record<string, unknown>[]).map((s) => {
        const { id, ...rest } = s;
        return /^subGraph\d+$/.test(String(id)) ? rest : { id, ...rest };
      });
      fields.classes = call(db, 'getClasses');
      fields.tooltips = plain((raw as { tooltips?: unknown }).tooltips);
      fields.title = call(db, 'getDiagramTitle');
      fields.accTitle = call(db, 'getAccTitle');
      fields.accDescription = call(db, 'getAccDescription');
    } else if (type === 'sequence' || type === 'architecture') {
      for (const [field, getter] of Object.entries(GETTERS[type])) fields[field] = call(db, getter);
    } else if (type === 'stateDiagram' || type === 'state') {
      // Edge ids and note ids count up, and a concurrent state's regions get ids from a counter or
      // at random: they are numbered here in the order they come.
      const made = new Map<string, string>();
      const json = JSON.stringify(call(db, 'getData')).replace(/divider-id-\d+|id-[a-z0-9]+-\d+/g, (id) => {
        if (!made.has(id)) made.set(id, `region#${made.size + 1}`);
        return made.get(id)!;
      });
      const data = JSON.parse(json) as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
      fields.nodes = data.nodes;
      fields.edges = data.edges.map(({ id: _i, ...e }) => e);
      fields.direction = call(db, 'getDirection');
      fields.classes = call(db, 'getClasses');
      fields.accTitle = call(db, 'getAccTitle');
    }
    return { type, fields };
  });
}

/** Every field that differs, named by its path ("vertices.B.text: "x" ≠ "y""). */
export function snapshotDifferences(a: DbSnapshot, b: DbSnapshot): string[] {
  const out: string[] = [];
  if (a.type !== b.type) return [`type: ${a.type} ≠ ${b.type}`];
  const walk = (x: unknown, y: unknown, path: string) => {
    if (out.length > 20) return;
    if (x && y && typeof x === 'object' && typeof y === 'object') {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const k of keys) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      return;
    }
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${path}: ${JSON.stringify(x)?.slice(0, 120)} ≠ ${JSON.stringify(y)?.slice(0, 120)}`);
  };
  walk(a.fields, b.fields, '');
  return out;
}
