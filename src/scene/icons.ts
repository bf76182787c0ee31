// The catalog's icons as path data, from lucide's own icon nodes (the canvas draws the same
// icons through lucide-react), so pictures and video frames show what the canvas shows.
import {
  Archive,
  BoxSelect,
  Cloud,
  Cog,
  Database,
  DoorOpen,
  Globe,
  type IconNode,
  Inbox,
  Plug,
  Search,
  Server,
  Split,
  Square,
  StickyNote,
  Users,
  Waves,
  Zap,
} from 'lucide';
import { CATALOG, type NodeKind } from '../model';

const ICONS: Record<string, IconNode> = {
  users: Users,
  globe: Globe,
  cloud: Cloud,
  split: Split,
  'door-open': DoorOpen,
  server: Server,
  cog: Cog,
  zap: Zap,
  database: Database,
  inbox: Inbox,
  waves: Waves,
  search: Search,
  archive: Archive,
  plug: Plug,
  square: Square,
  'box-select': BoxSelect,
  'sticky-note': StickyNote,
};

const n = (v: unknown) => Number(v ?? 0);

/** One element of an icon as path data; lucide draws with lines, circles, ellipses and rects. */
function elementPath(tag: string, a: Record<string, unknown>): string | null {
  switch (tag) {
    case 'path':
      return typeof a.d === 'string' ? a.d : null;
    case 'line':
      return `M${n(a.x1)} ${n(a.y1)}L${n(a.x2)} ${n(a.y2)}`;
    case 'polyline':
    case 'polygon': {
      const pts = String(a.points ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      const pairs: string[] = [];
      for (let i = 0; i + 1 < pts.length; i += 2) pairs.push(`${pts[i]} ${pts[i + 1]}`);
      return pairs.length > 0 ? `M${pairs.join('L')}${tag === 'polygon' ? 'Z' : ''}` : null;
    }
    case 'circle':
    case 'ellipse': {
      const cx = n(a.cx);
      const cy = n(a.cy);
      const rx = tag === 'circle' ? n(a.r) : n(a.rx);
      const ry = tag === 'circle' ? n(a.r) : n(a.ry);
      return `M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`;
    }
    case 'rect': {
      const x = n(a.x);
      const y = n(a.y);
      const w = n(a.width);
      const h = n(a.height);
      const r = Math.min(n(a.rx ?? a.ry), w / 2, h / 2);
      if (r <= 0) return `M${x} ${y}H${x + w}V${y + h}H${x}Z`;
      return `M${x + r} ${y}H${x + w - r}A${r} ${r} 0 0 1 ${x + w} ${y + r}V${y + h - r}A${r} ${r} 0 0 1 ${x + w - r} ${y + h}H${x + r}A${r} ${r} 0 0 1 ${x} ${y + h - r}V${y + r}A${r} ${r} 0 0 1 ${x + r} ${y}Z`;
    }
    default:
      return null;
  }
}

function iconNodePath(node: IconNode): string {
  return node
    .map(([tag, attrs]) => elementPath(tag, attrs as Record<string, unknown>))
    .filter((x): x is string => x !== null)
    .join(' ');
}

/** Every icon's path, computed once: a table, not a cache. */
const ICON_PATHS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ICONS).map(([name, node]) => [name, iconNodePath(node)]));

/** The kind's icon as one path in a 24×24 box, drawn with a 2-unit round stroke. */
export function iconPath(kind: NodeKind): string {
  return ICON_PATHS[CATALOG[kind].icon] ?? ICON_PATHS.square;
}
