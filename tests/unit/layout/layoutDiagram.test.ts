import { describe, expect, it } from 'vitest';
import { absoluteRect, indexNodes, type Diagram } from '../../../src/model';
import { connectedParts, layoutDiagram, packRows, READING_VIEW, toElkGraph } from '../../../src/layout/layoutDiagram';
import { createNodeElk } from '../../../src/layout/nodeElk';

const elk = createNodeElk();
import { DiagramBuilder } from '../../helpers/builders';

function withLayout(d: Diagram, layout: Awaited<ReturnType<typeof layoutDiagram>>): Diagram {
  return {
    ...d,
    nodes: d.nodes.map((n) => ({
      ...n,
      position: layout.positions.get(n.id) ?? n.position,
      ...(n.kind === 'group' && layout.sizes.get(n.id) ? { size: layout.sizes.get(n.id) } : {}),
    })),
  };
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function sample() {
  const b = new DiagramBuilder();
  const users = b.node('client', { x: 0, y: 0 });
  const region = b.group('Region', { x: 0, y: 0 });
  const az = b.group('AZ a', { parent: region, x: 0, y: 0 });
  const lb = b.node('loadBalancer', { parent: region, x: 0, y: 0 });
  const api = b.node('service', { parent: az, x: 0, y: 0 });
  const api2 = b.node('service', { parent: az, x: 0, y: 0 });
  const db = b.node('database', { x: 0, y: 0 });
  for (const [s, t] of [
    [users, lb],
    [lb, api],
    [lb, api2],
    [api, db],
    [api2, db],
  ])
    b.edge(s, t);
  return { d: b.build(), ids: { users, region, az, lb, api, api2, db } };
}

describe('auto-layout', () => {
  it('puts each edge in the lowest group that holds both ends', () => {
    const { d, ids } = sample();
    const graph = toElkGraph(d);
    const region = graph.children!.find((c) => c.id === ids.region)!;
    const az = region.children!.find((c) => c.id === ids.az)!;
    expect(graph.edges!.map((e) => e.id).sort()).toEqual([`e${ids.api}-${ids.db}`, `e${ids.api2}-${ids.db}`, `e${ids.users}-${ids.lb}`].sort());
    expect(region.edges!.map((e) => e.id).sort()).toEqual([`e${ids.lb}-${ids.api}`, `e${ids.lb}-${ids.api2}`].sort());
    expect(az.children!.map((c) => c.id)).toEqual([ids.api, ids.api2]);
  });

  it('moves stacked nodes apart, keeps children inside their groups and follows the direction', async () => {
    const { d, ids } = sample();
    const laid = withLayout(d, await layoutDiagram(d, elk));
    const byId = indexNodes(laid);
    const leaves = laid.nodes.filter((n) => n.kind !== 'group');
    for (let i = 0; i < leaves.length; i++)
      for (let j = i + 1; j < leaves.length; j++)
        expect(overlaps(absoluteRect(byId, leaves[i].id), absoluteRect(byId, leaves[j].id)), `${leaves[i].id} / ${leaves[j].id}`).toBe(false);
    for (const n of laid.nodes.filter((x) => x.parentId)) {
      const child = absoluteRect(byId, n.id);
      const parent = absoluteRect(byId, n.parentId!);
      expect(child.x).toBeGreaterThanOrEqual(parent.x);
      expect(child.y).toBeGreaterThanOrEqual(parent.y);
      expect(child.x + child.width).toBeLessThanOrEqual(parent.x + parent.width);
      expect(child.y + child.height).toBeLessThanOrEqual(parent.y + parent.height);
    }
    // Left to right: the client is left of the load balancer, which is left of the database.
    const x = (id: string) => absoluteRect(byId, id).x;
    expect(x(ids.users)).toBeLessThan(x(ids.lb));
    expect(x(ids.lb)).toBeLessThan(x(ids.db));
  });

  it('lays out top to bottom when the diagram says so, and is deterministic', async () => {
    const { d, ids } = sample();
    d.direction = 'TB';
    const first = await layoutDiagram(d, elk);
    const second = await layoutDiagram(structuredClone(d), elk);
    expect([...first.positions]).toEqual([...second.positions]);
    const laid = withLayout(d, first);
    const byId = indexNodes(laid);
    expect(absoluteRect(byId, ids.users).y).toBeLessThan(absoluteRect(byId, ids.db).y);
  });
});

/** Width and height of everything laid out. */
function extent(d: Diagram): { width: number; height: number } {
  const byId = indexNodes(d);
  const rects = d.nodes.map((n) => absoluteRect(byId, n.id));
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  return { width: Math.max(...rects.map((r) => r.x + r.width)) - x0, height: Math.max(...rects.map((r) => r.y + r.height)) - y0 };
}

const fitZoom = (s: { width: number; height: number }) => Math.min(READING_VIEW.width / s.width, READING_VIEW.height / s.height);

describe('auto-layout for the view it will be read in', () => {
  it('finds the parts that edges join, a group with its members counting as one', () => {
    const b = new DiagramBuilder();
    const g = b.group('Region');
    const inside = b.node('service', { parent: g });
    const a = b.node('client');
    const alone = b.node('database');
    b.edge(a, inside);
    const parts = connectedParts(b.build());
    expect(parts.map((p) => p.map((n) => n.id).sort())).toEqual([[g, inside, a].sort(), [alone]]);
  });

  it('packs unconnected parts in rows near the view’s shape instead of one long row', async () => {
    // Four groups of three unconnected shards, as the bank's sharding diagrams draw them.
    const b = new DiagramBuilder();
    b.direction('TB');
    for (let g = 0; g < 4; g++) {
      const group = b.group(`Shards ${g}`);
      for (let i = 0; i < 3; i++) b.node('database', { parent: group });
    }
    const d = b.build();
    const laid = extent(withLayout(d, await layoutDiagram(d, elk)));
    // One row of four groups would be about 2,400 wide and 150 tall.
    expect(laid.width).toBeLessThan(1_400);
    expect(laid.height).toBeGreaterThan(250);
    const square = { width: 100, height: 100 };
    expect(packRows([square, square, square, square], 1)).toEqual([
      { x: 0, y: 0 },
      { x: 160, y: 0 },
      { x: 0, y: 160 },
      { x: 160, y: 160 },
    ]);
  });

  it('folds a long chain that would be too small to read, and keeps a short one as the flow runs', async () => {
    const chain = (n: number) => {
      const b = new DiagramBuilder();
      const ids = Array.from({ length: n }, () => b.node('step'));
      b.chain(...ids);
      return b.build();
    };
    const long = chain(14);
    const laidLong = extent(withLayout(long, await layoutDiagram(long, elk)));
    // In one row, 14 steps are over 3,000 wide: under 0.25 at fit view.
    expect(fitZoom(laidLong)).toBeGreaterThan(0.4);
    const short = chain(4);
    const laidShort = withLayout(short, await layoutDiagram(short, elk));
    const ys = new Set(laidShort.nodes.map((n) => n.position.y));
    expect(ys.size).toBe(1);
  });
});
