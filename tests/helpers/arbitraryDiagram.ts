// Random diagrams for property tests: every kind, nested groups, hostile labels and ids, every
// edge setting, scenarios and flows. What the model may hold, and nothing it may not.
import fc from 'fast-check';
import type { CallProps, Diagram, DiagramEdge, DiagramNode, Field, Fault, NodeKind, NodeProps, RequestFlow, Scenario } from '../../src/model';
import { CALL_FIELDS, CATALOG, createDiagram, KINDS, nodeField, normalizeLabel, scenarioField } from '../../src/model';

const PIECES = [
  'a',
  'Z',
  'Order',
  ' ',
  '  ',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  '|',
  '#',
  '#quot;',
  '<',
  '>',
  '<br/>',
  ';',
  '&',
  '&amp;',
  '`',
  '\\',
  '\n',
  '\n\n',
  'é',
  '中文',
  '🚀',
  '👩‍💻',
  '\t',
  '%',
  '%%',
  '-->',
  'end',
  '/',
  '*',
  '_',
  '=',
  ':',
  ',',
  '.',
  '-',
  'x',
  'o',
];
export const arbitraryLabel = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((parts) => normalizeLabel(parts.join('')));

const HOSTILE_IDS = ['end', 'graph', 'my node', '1st', 'ünï', 'a-b', 'class', 'style', '__proto__', 'constructor', 'x'];

function valueFor<K extends string>(field: Field<K>): fc.Arbitrary<number | string | boolean> {
  if (field.type === 'flag') return fc.boolean();
  if (field.type === 'choice') return fc.constantFrom(...field.options.map((o) => o.value));
  const min = field.min;
  const max = Math.min(field.max, 1e6);
  return field.integer
    ? fc.integer({ min, max: Math.max(min, Math.floor(max)) })
    : fc.constantFrom(min, max, (min + max) / 2, min + (max - min) / 3, 0.25 * max);
}

function propsFor<T>(keys: readonly string[], field: (k: string) => Field<string> | undefined): fc.Arbitrary<Partial<T>> {
  return fc
    .subarray([...keys], { maxLength: Math.min(5, keys.length) })
    .chain((chosen) =>
      fc.tuple(...chosen.map((k) => valueFor(field(k)!))).map((values) => Object.fromEntries(chosen.map((k, i) => [k, values[i]])) as Partial<T>),
    );
}

const COMPONENT_KINDS = KINDS.filter((k) => k !== 'group');
const COLOURS = ['#ff0000', '#0f0', 'tomato', 'rgb(1, 2, 3)', 'hsl(200 50% 50%)', 'rebeccapurple'];

interface Shape {
  groups: number;
  nodes: { kind: NodeKind; group: number }[];
}

export const arbitraryDiagram: fc.Arbitrary<Diagram> = fc
  .record({ groups: fc.nat({ max: 4 }), nodeCount: fc.integer({ min: 1, max: 12 }) })
  .chain(({ groups, nodeCount }) =>
    fc.record({
      groupParents: fc.array(fc.integer({ min: -1, max: 10 }), { minLength: groups, maxLength: groups }),
      nodes: fc.array(fc.record({ kind: fc.constantFrom(...COMPONENT_KINDS), group: fc.integer({ min: -1, max: groups - 1 }) }), {
        minLength: nodeCount,
        maxLength: nodeCount,
      }),
      hostileIds: fc.array(fc.boolean(), { minLength: nodeCount + groups, maxLength: nodeCount + groups }),
      direction: fc.constantFrom('LR', 'TB', 'RL', 'BT' as const),
      name: arbitraryLabel,
      groupDirections: fc.array(fc.option(fc.constantFrom('LR', 'TB' as const), { nil: undefined }), { minLength: groups, maxLength: groups }),
    }),
  )
  .chain((base) => {
    const total = base.nodes.length + base.groupParents.length;
    const ids = Array.from({ length: total }, (_, i) =>
      base.hostileIds[i] ? `${HOSTILE_IDS[i % HOSTILE_IDS.length]}${i < HOSTILE_IDS.length ? '' : i}` : `n${i}`,
    );
    const shape: Shape = { groups: base.groupParents.length, nodes: base.nodes };
    return fc
      .record({
        labels: fc.array(arbitraryLabel, { minLength: total, maxLength: total }),
        props: fc.tuple(...shape.nodes.map((n) => propsFor<NodeProps>(CATALOG[n.kind].fields, (k) => nodeField(k)))),
        notes: fc.array(fc.option(arbitraryLabel, { nil: undefined }), { minLength: total, maxLength: total }),
        colours: fc.array(fc.option(fc.constantFrom(...COLOURS), { nil: undefined }), { minLength: total, maxLength: total }),
        edgePairs: fc.uniqueArray(fc.tuple(fc.nat({ max: total - 1 }), fc.nat({ max: total - 1 })), { maxLength: 14, selector: ([a, b]) => `${a}>${b}` }),
      })
      .chain((parts) => {
        const d = createDiagram(base.name || 'Untitled', 0);
        d.direction = base.direction;
        const groupIds = ids.slice(shape.nodes.length);
        groupIds.forEach((id, g) => {
          const node: DiagramNode = { id, kind: 'group', label: parts.labels[shape.nodes.length + g], position: { x: 0, y: 0 }, props: {} };
          const parent = base.groupParents[g];
          if (parent >= 0 && parent < g) node.parentId = groupIds[parent]; // only earlier groups: no cycles
          if (base.groupDirections[g]) node.direction = base.groupDirections[g];
          const colour = parts.colours[shape.nodes.length + g];
          if (colour) node.color = colour;
          d.nodes.push(node);
        });
        shape.nodes.forEach((n, i) => {
          const node: DiagramNode = { id: ids[i], kind: n.kind, label: parts.labels[i], position: { x: 0, y: 0 }, props: parts.props[i] };
          if (n.group >= 0) node.parentId = groupIds[n.group];
          if (parts.notes[i]) node.notes = parts.notes[i];
          if (parts.colours[i]) node.color = parts.colours[i];
          d.nodes.push(node);
        });
        // Shuffle groups among the other nodes, as drawing order would have them.
        d.nodes.sort((a, b) => (ids.indexOf(a.id) % 3) - (ids.indexOf(b.id) % 3));
        const kindOf = new Map(d.nodes.map((n) => [n.id, n.kind]));
        const pairs = parts.edgePairs
          .map(([a, b]) => [ids[a], ids[b]] as const)
          .filter(([a, b]) => a !== b && kindOf.get(a) !== 'note' && kindOf.get(b) !== 'note');
        return fc
          .tuple(
            fc.tuple(
              ...pairs.map(() =>
                fc.record({
                  label: fc.option(arbitraryLabel, { nil: undefined }),
                  mode: fc.constantFrom('sync', 'async' as const),
                  style: fc.option(fc.constantFrom('thick', 'invisible', 'dotted' as const), { nil: undefined }),
                  call: propsFor<CallProps>(
                    CALL_FIELDS.map((f) => f.key),
                    (k) => CALL_FIELDS.find((f) => f.key === k),
                  ),
                }),
              ),
            ),
            fc.array(
              fc.record({
                name: arbitraryLabel,
                seed: valueFor(scenarioField('seed')!) as fc.Arbitrary<number>,
                faults: fc.array(
                  fc.record({
                    type: fc.constantFrom('crash', 'hang', 'latency', 'errorRate', 'partition' as const),
                    target: fc.nat(),
                    start: fc.nat({ max: 59_999 }),
                    span: fc.integer({ min: 1, max: 60_000 }),
                    edge: fc.boolean(),
                  }),
                  { maxLength: 3 },
                ),
              }),
              { maxLength: 2 },
            ),
            fc.boolean(),
          )
          .map(([edgeParts, scenarios, withFlow]) => {
            d.edges = pairs.map(([source, target], i): DiagramEdge => {
              const e: DiagramEdge = { id: `e${i}`, source, target, mode: edgeParts[i].mode, call: edgeParts[i].call };
              if (edgeParts[i].label) e.label = edgeParts[i].label;
              if (edgeParts[i].style && edgeParts[i].style !== 'dotted') e.style = edgeParts[i].style;
              return e;
            });
            d.scenarios = scenarios.map((s, k): Scenario => {
              const faults: Fault[] = s.faults.flatMap((f, j) => {
                const onEdge = f.edge && d.edges.length > 0;
                const id = onEdge ? d.edges[f.target % d.edges.length].id : d.nodes[f.target % d.nodes.length].id;
                const fault: Fault = {
                  id: `f${k}_${j}`,
                  type: onEdge && !['partition', 'latency', 'errorRate'].includes(f.type) ? 'partition' : f.type,
                  target: { type: onEdge ? 'edge' : 'node', id },
                  startMs: f.start,
                  endMs: f.start + f.span,
                };
                if (fault.type === 'latency') fault.addMs = 250;
                if (fault.type === 'errorRate') fault.fraction = 0.5;
                if (fault.type === 'partition') fault.partition = 'drop';
                return [fault];
              });
              const clients = d.nodes.filter((n) => n.kind === 'client');
              return {
                id: `s${k}`,
                name: s.name || 'Scenario',
                seed: s.seed,
                durationMs: 60_000,
                warmupMs: 5_000,
                traffic: clients.length ? { [clients[0].id]: { rateRps: 42 } } : {},
                faults,
              };
            });
            const members = d.nodes.filter((n) => n.kind !== 'group');
            d.flows = withFlow && members.length > 1 ? [flowOf(members)] : [];
            return d;
          });
      });
  });

function flowOf(members: DiagramNode[]): RequestFlow {
  return {
    id: 'w1',
    name: 'Flow',
    steps: [
      { from: members[0].id, to: members[1].id, label: 'call "x" | #1', reply: false, block: 0 },
      { from: members[1].id, to: members[0].id, label: 'ok', reply: true },
    ],
    blocks: [{ type: 'alt', label: 'happy path' }],
  };
}
