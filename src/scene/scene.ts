// A drawing as plain data: what a picture, a video frame or a postmortem figure shows, in the
// diagram's coordinates (items) and in the output's pixels (overlay). Two painters read it, SVG
// text and a 2D canvas, so an exported picture and a video frame cannot disagree.

export interface Stroke {
  color: string;
  width: number;
  /** Dash and gap lengths, as in SVG's stroke-dasharray. */
  dash?: readonly number[];
  opacity?: number;
}

export interface PathItem {
  type: 'path';
  /** SVG path data, drawn at (x, y) and scaled by `scale` (icons are drawn in a 24-unit box). */
  d: string;
  x: number;
  y: number;
  scale?: number;
  fill?: string;
  fillOpacity?: number;
  stroke?: Stroke;
}

export interface RectItem {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
  fill: string;
  fillOpacity?: number;
  stroke?: Stroke;
}

export interface CircleItem {
  type: 'circle';
  x: number;
  y: number;
  r: number;
  fill: string;
}

export interface TextItem {
  type: 'text';
  /** The anchor point; y is the alphabetic baseline. */
  x: number;
  y: number;
  text: string;
  size: number;
  weight: 400 | 600 | 700;
  color: string;
  anchor: 'start' | 'middle' | 'end';
}

export type SceneItem = PathItem | RectItem | CircleItem | TextItem;

/** Diagram coordinates to output pixels: pixel = (diagram - origin) * scale + offset. */
export interface SceneView {
  originX: number;
  originY: number;
  scale: number;
  offsetX: number;
  offsetY: number;
}

export interface Scene {
  width: number;
  height: number;
  /** Null for a transparent picture. */
  background: string | null;
  view: SceneView;
  items: SceneItem[];
  /** Drawn in output pixels over the items: a caption strip, a chart's axes. */
  overlay: SceneItem[];
}

export const FONT_FAMILY = 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

export function identityView(): SceneView {
  return { originX: 0, originY: 0, scale: 1, offsetX: 0, offsetY: 0 };
}
