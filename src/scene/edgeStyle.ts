// How an edge is stroked: solid or dashed by its mode and style, and during a replay coloured by
// health and as wide as its throughput. The canvas, pictures and video frames all read this.
import type { DiagramEdge } from '../model';
import { HEALTH_STYLE } from '../playback/healthStyle';
import type { EdgeView } from '../playback/project';
import type { Stroke } from './scene';

export const EDGE_COLOR = '#64748b';
export const SELECTED_COLOR = '#4f46e5';

export function edgeStroke(edge: DiagramEdge, selected: boolean, view?: EdgeView): Stroke {
  const style = edge.style ?? 'solid';
  const base: Stroke = {
    color: selected ? SELECTED_COLOR : EDGE_COLOR,
    width: style === 'thick' ? 3.2 : selected ? 2.4 : 1.6,
    dash: edge.mode === 'async' ? [6, 4] : style === 'dotted' ? [2, 4] : undefined,
    opacity: style === 'invisible' ? 0.12 : 1,
  };
  if (!view) return base;
  if (view.health === 'idle') return { ...base, opacity: 0.35 };
  return { ...base, color: selected ? SELECTED_COLOR : HEALTH_STYLE[view.health].stroke, width: 1.4 + 5 * view.weight };
}
