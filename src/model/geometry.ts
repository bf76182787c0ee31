// Sizes and positions. Components have one natural size so that layout, drop targets and the
// canvas agree without measuring the DOM.
import { CATALOG } from './catalog';
import type { Diagram, DiagramNode, NodeKind, Size, XY } from './types';

export const COMPONENT_SIZE: Size = { width: 176, height: 60 };
/** Room above a group's children for its title. */
export const GROUP_HEADER = 34;
export const GROUP_PADDING = 20;

/** The size a new node of this kind gets. */
export function kindSize(kind: NodeKind): Size {
  return CATALOG[kind].defaultSize ?? COMPONENT_SIZE;
}

export function nodeSize(node: Pick<DiagramNode, 'kind' | 'size'>): Size {
  return node.size ?? kindSize(node.kind);
}

export interface Rect extends XY, Size {}

export function indexNodes(d: Diagram): Map<string, DiagramNode> {
  return new Map(d.nodes.map((n) => [n.id, n]));
}

/** Position on the canvas, adding up the parents' offsets. */
export function absolutePosition(byId: Map<string, DiagramNode>, id: string): XY {
  let x = 0;
  let y = 0;
  let current = byId.get(id);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    x += current.position.x;
    y += current.position.y;
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return { x, y };
}

export function absoluteRect(byId: Map<string, DiagramNode>, id: string): Rect {
  const node = byId.get(id);
  const size = node ? nodeSize(node) : COMPONENT_SIZE;
  return { ...absolutePosition(byId, id), ...size };
}

export function contains(outer: Rect, point: XY): boolean {
  return point.x >= outer.x && point.x <= outer.x + outer.width && point.y >= outer.y && point.y <= outer.y + outer.height;
}

export function center(rect: Rect): XY {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * The innermost group whose box holds the point, skipping `exclude` (a dragged group cannot
 * land inside itself or its own children).
 */
export function groupAt(d: Diagram, point: XY, exclude: ReadonlySet<string> = new Set()): string | undefined {
  const byId = indexNodes(d);
  let best: string | undefined;
  let bestDepth = -1;
  for (const n of d.nodes) {
    if (!CATALOG[n.kind].container || exclude.has(n.id)) continue;
    if (!contains(absoluteRect(byId, n.id), point)) continue;
    let depth = 0;
    for (let p = n.parentId; p; p = byId.get(p)?.parentId) if (++depth > d.nodes.length) break;
    if (depth > bestDepth) {
      best = n.id;
      bestDepth = depth;
    }
  }
  return best;
}

function overlaps(a: Rect, b: Rect, margin: number): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}

/**
 * A centre near `point` where a component fits without covering another component: the point
 * itself if free, else the nearest free cell on a spiral of component-sized steps.
 */
export function freeSpot(d: Diagram, point: XY, size: Size = COMPONENT_SIZE): XY {
  const byId = indexNodes(d);
  const occupied = d.nodes.filter((n) => !CATALOG[n.kind].container).map((n) => absoluteRect(byId, n.id));
  const stepX = size.width + 40;
  const stepY = size.height + 40;
  for (let ring = 0; ring < 12; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const c = { x: point.x + dx * stepX, y: point.y + dy * stepY };
        const rect = { x: c.x - size.width / 2, y: c.y - size.height / 2, ...size };
        if (!occupied.some((o) => overlaps(rect, o, 8))) return c;
      }
    }
  }
  return point;
}
