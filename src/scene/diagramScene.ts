// A diagram as a scene: groups, edges, components and notes as the canvas draws them, and during
// a replay the frame's health colours, badges and request dots. Pure, so the same scene becomes
// an SVG file, a video frame in a worker and a postmortem figure from the CLI.
import { getBezierPath, Position } from '@xyflow/system';
import { absoluteRect, boundsOf, CATALOG, type Diagram, type DiagramNode, indexNodes, nodeSize, type Rect, safeColor } from '../model';
import { breakerText, faultBadgeText, metricBadges, showsHealth } from '../playback/badges';
import { parseEdgePath, pointOnCubic } from '../playback/edgePath';
import { HEALTH_STYLE, OUTCOME_COLOR, PARTICLE_RADIUS } from '../playback/healthStyle';
import { drawnPosition, type ParticleBuffer } from '../playback/particles';
import type { Frame } from '../playback/project';
import { HOP_OUTCOMES } from '../playback/runIndex';
import { routeEdge } from './edgeRoute';
import { edgeStroke } from './edgeStyle';
import { iconPath } from './icons';
import type { Scene, SceneItem, SceneView } from './scene';
import { outlinePath } from './shapes';
import { fitLine, textWidth, wrapText } from './text';

export const SCENE_PADDING = 40;
export const SCENE_BACKGROUND = '#f8fafc';
const TEXT = '#0f172a';
const MUTED = '#64748b';
const BORDER = '#e2e8f0';
const CAPTION_HEIGHT = 48;

export interface SceneCaption {
  /** The run's clock, as the player shows it. */
  time: string;
  /** The incident timeline's line in force. */
  line: string;
}

export interface DiagramSceneOptions {
  /** The replay's state at the moment drawn: health, badges, faults. */
  frame?: Frame | null;
  /** Request dots in flight at that moment. */
  particles?: ParticleBuffer | null;
  /** The part of the diagram to draw, in diagram coordinates; by default all of it. */
  area?: Rect | null;
  /** Output size in pixels; by default the area at scale 1. */
  size?: { width: number; height: number } | null;
  caption?: SceneCaption | null;
  background?: string | null;
}

/** Everything the diagram covers, with room around it; null for an empty diagram. */
export function diagramBounds(d: Diagram, padding = SCENE_PADDING): Rect | null {
  const byId = indexNodes(d);
  const b = boundsOf(d.nodes.map((n) => absoluteRect(byId, n.id)));
  return b ? { x: b.x - padding, y: b.y - padding, width: b.width + 2 * padding, height: b.height + 2 * padding } : null;
}

function depth(byId: Map<string, DiagramNode>, n: DiagramNode): number {
  let k = 0;
  for (let p = n.parentId ? byId.get(n.parentId) : undefined; p && k < 64; p = p.parentId ? byId.get(p.parentId) : undefined) k++;
  return k;
}

/** A closed arrowhead whose tip is at (x, y), pointing into the side it enters. */
function arrowHead(x: number, y: number, side: Position, size: number): string {
  const [dx, dy] = side === Position.Left ? [1, 0] : side === Position.Right ? [-1, 0] : side === Position.Top ? [0, 1] : [0, -1];
  const bx = x - dx * size;
  const by = y - dy * size;
  const w = size * 0.55;
  return `M${x} ${y}L${bx - dy * w} ${by + dx * w}L${bx + dy * w} ${by - dx * w}Z`;
}

/** A pill with text, its left edge at x (or centred on x), its middle at y. */
function badge(out: SceneItem[], x: number, y: number, text: string, fill: string, color: string, align: 'start' | 'middle' | 'end', border?: string): void {
  const size = 10.5;
  const w = textWidth(text, size, 600) + 12;
  const left = align === 'start' ? x : align === 'middle' ? x - w / 2 : x - w;
  out.push({ type: 'rect', x: left, y: y - 8.5, width: w, height: 17, radius: 8, fill, stroke: border ? { color: border, width: 1 } : undefined });
  out.push({ type: 'text', x: left + w / 2, y: y + 3.7, text, size, weight: 600, color, anchor: 'middle' });
}

function fitView(area: Rect, width: number, height: number): SceneView {
  const scale = Math.min(width / area.width, height / area.height);
  return {
    originX: area.x,
    originY: area.y,
    scale,
    offsetX: (width - area.width * scale) / 2,
    offsetY: (height - area.height * scale) / 2,
  };
}

function groupItems(out: SceneItem[], n: DiagramNode, r: Rect, frame: Frame | null): void {
  const color = safeColor(n.color) ?? '#64748b';
  out.push({ type: 'rect', ...r, radius: 12, fill: color, fillOpacity: 0.06, stroke: { color, width: 1.5, dash: [6, 4], opacity: 0.7 } });
  out.push({ type: 'text', x: r.x + 12, y: r.y + 22, text: fitLine(n.label, r.width - 24, 13, 600), size: 13, weight: 600, color: '#334155', anchor: 'start' });
  const fault = frame ? faultBadgeText(frame.nodes.get(n.id)?.faults ?? []) : null;
  if (fault) badge(out, r.x + 8, r.y, fault, '#18181b', '#fde047', 'start');
}

function noteItems(out: SceneItem[], n: DiagramNode, r: Rect): void {
  out.push({ type: 'rect', ...r, radius: 4, fill: '#fef9c3', stroke: { color: '#fde047', width: 1 } });
  const lines = wrapText(n.label, r.width - 20, 13, Math.max(1, Math.floor((r.height - 16) / 17)));
  for (const [i, line] of lines.entries())
    out.push({ type: 'text', x: r.x + 10, y: r.y + 8 + 13 + i * 17, text: line, size: 13, weight: 400, color: TEXT, anchor: 'start' });
}

function componentItems(out: SceneItem[], badges: SceneItem[], n: DiagramNode, r: Rect, frame: Frame | null): void {
  const entry = CATALOG[n.kind];
  const color = safeColor(n.color) ?? entry.color;
  const shape = n.shape ?? entry.mermaidShape;
  const view = frame?.nodes.get(n.id);
  const health = view && view.health !== 'idle' ? HEALTH_STYLE[view.health] : null;
  const strokeWidth = health ? 2.2 : 1.5;
  out.push({
    type: 'path',
    d: outlinePath(shape, r.width, r.height, strokeWidth),
    x: r.x,
    y: r.y,
    fill: health?.fill ?? '#ffffff',
    stroke: { color: health?.stroke ?? color, width: strokeWidth, dash: view?.health === 'down' ? [5, 3] : undefined },
  });
  const inset = shape === 'diamond' || shape === 'hexagon' ? 26 : 16;
  const drop = shape === 'cylinder' ? 4 : 0;
  const mid = r.y + r.height / 2 + drop;
  out.push({ type: 'path', d: iconPath(n.kind), x: r.x + inset, y: mid - 9, scale: 18 / 24, stroke: { color, width: 2 } });
  const textX = r.x + inset + 26;
  const room = r.x + r.width - (shape === 'diamond' || shape === 'hexagon' ? 26 : 14) - textX;
  const lines = wrapText(n.label, room, 13, 2, 600);
  const kindLine = 13;
  const top = mid - (lines.length * 15.6 + kindLine) / 2;
  for (const [i, line] of lines.entries())
    out.push({ type: 'text', x: textX, y: top + 12 + i * 15.6, text: line, size: 13, weight: 600, color: TEXT, anchor: 'start' });
  out.push({
    type: 'text',
    x: textX,
    y: top + lines.length * 15.6 + 10.5,
    text: entry.label.toUpperCase(),
    size: 10.5,
    weight: 400,
    color: MUTED,
    anchor: 'start',
  });
  if (!view) return;
  if (showsHealth(view))
    badge(badges, r.x + r.width - 8, r.y, HEALTH_STYLE[view.health].label.toUpperCase(), HEALTH_STYLE[view.health].stroke, '#ffffff', 'end');
  const fault = faultBadgeText(view.faults);
  if (fault) badge(badges, r.x + 8, r.y, fault, '#18181b', '#fde047', 'start');
  const metrics = metricBadges(view);
  if (metrics.length > 0) {
    const widths = metrics.map((m) => textWidth(m.text, 10.5, 600) + 12);
    let x = r.x + r.width / 2 - (widths.reduce((a, b) => a + b, 0) + 4 * (metrics.length - 1)) / 2;
    metrics.forEach((m, i) => {
      badge(badges, x, r.y + r.height, m.text, '#ffffff', '#334155', 'start', BORDER);
      x += widths[i] + 4;
    });
  }
}

function captionItems(out: SceneItem[], caption: SceneCaption, width: number, height: number): void {
  const top = height - CAPTION_HEIGHT;
  out.push({ type: 'rect', x: 0, y: top, width, height: CAPTION_HEIGHT, radius: 0, fill: '#0f172a' });
  out.push({ type: 'text', x: 20, y: top + 30, text: caption.time, size: 18, weight: 700, color: '#ffffff', anchor: 'start' });
  const left = 20 + textWidth(caption.time, 18, 700) + 24;
  out.push({
    type: 'text',
    x: left,
    y: top + 30,
    text: fitLine(caption.line, width - left - 20, 16, 400),
    size: 16,
    weight: 400,
    color: '#e2e8f0',
    anchor: 'start',
  });
}

export function diagramScene(d: Diagram, options: DiagramSceneOptions = {}): Scene {
  const frame = options.frame ?? null;
  const area = options.area ?? diagramBounds(d) ?? { x: 0, y: 0, width: 400, height: 300 };
  const size = options.size ?? { width: Math.ceil(area.width), height: Math.ceil(area.height) };
  const captionHeight = options.caption ? CAPTION_HEIGHT : 0;
  const view = fitView(area, size.width, size.height - captionHeight);
  const byId = indexNodes(d);
  const rects = new Map(d.nodes.map((n) => [n.id, absoluteRect(byId, n.id)]));
  const groups: SceneItem[] = [];
  const edges: SceneItem[] = [];
  const nodes: SceneItem[] = [];
  const labels: SceneItem[] = [];
  const badges: SceneItem[] = [];
  const dots: SceneItem[] = [];

  const ordered = [...d.nodes].sort((a, b) => depth(byId, a) - depth(byId, b));
  for (const n of ordered) {
    const r = rects.get(n.id)!;
    const shape = CATALOG[n.kind].canvas;
    if (shape === 'group') groupItems(groups, n, r, frame);
    else if (shape === 'note') noteItems(nodes, n, { ...r, ...nodeSize(n) });
    else componentItems(nodes, badges, n, r, frame);
  }

  const cubics = new Map<string, ReturnType<typeof parseEdgePath>>();
  for (const e of d.edges) {
    const a = rects.get(e.source);
    const b = rects.get(e.target);
    if (!a || !b) continue;
    const route = routeEdge(a, b, d.direction);
    const t = route.to;
    const [path, labelX, labelY] = getBezierPath({
      sourceX: route.from.x,
      sourceY: route.from.y,
      sourcePosition: route.fromSide,
      targetX: t.x,
      targetY: t.y,
      targetPosition: route.toSide,
    });
    cubics.set(e.id, parseEdgePath(path));
    const edgeView = frame?.edges.get(e.id);
    const stroke = edgeStroke(e, false, edgeView);
    edges.push({ type: 'path', d: path, x: 0, y: 0, stroke });
    edges.push({ type: 'path', d: arrowHead(t.x, t.y, route.toSide, 10), x: 0, y: 0, fill: stroke.color, fillOpacity: stroke.opacity });
    const label = e.label && e.style !== 'invisible' ? fitLine(e.label, 220, 11) : null;
    const marks = edgeView ? [breakerText(edgeView.breaker), faultBadgeText(edgeView.faults)].filter((x): x is string => x !== null) : [];
    if (label) {
      const w = textWidth(label, 11) + 12;
      labels.push({
        type: 'rect',
        x: labelX - w / 2,
        y: labelY - 9,
        width: w,
        height: 18,
        radius: 4,
        fill: '#ffffff',
        fillOpacity: 0.92,
        stroke: { color: BORDER, width: 1 },
      });
      labels.push({ type: 'text', x: labelX, y: labelY + 4, text: label, size: 11, weight: 400, color: TEXT, anchor: 'middle' });
    }
    marks.forEach((text, i) => {
      const breaker = i === 0 && edgeView && edgeView.breaker !== 'closed';
      badge(
        badges,
        labelX,
        labelY + (label ? 18 : 0) + i * 19,
        text,
        breaker ? (edgeView.breaker === 'open' ? '#7c3aed' : '#a78bfa') : '#18181b',
        breaker ? '#ffffff' : '#fde047',
        'middle',
      );
    });
  }

  const buffer = options.particles;
  if (buffer) {
    const r = PARTICLE_RADIUS / view.scale;
    for (let i = 0; i < buffer.count; i++) {
      const cubic = cubics.get(buffer.edge[i]);
      if (!cubic) continue;
      const p = pointOnCubic(cubic, drawnPosition(buffer.position[i], i));
      dots.push({ type: 'circle', x: p.x, y: p.y, r, fill: OUTCOME_COLOR[HOP_OUTCOMES[buffer.outcome[i]]] });
    }
  }

  const overlay: SceneItem[] = [];
  if (options.caption) captionItems(overlay, options.caption, size.width, size.height);
  return {
    width: size.width,
    height: size.height,
    background: options.background === undefined ? SCENE_BACKGROUND : options.background,
    view,
    items: [...groups, ...edges, ...nodes, ...labels, ...badges, ...dots],
    overlay,
  };
}
