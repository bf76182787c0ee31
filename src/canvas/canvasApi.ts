// What commands may ask of the mounted canvas (viewport centre, fit, zoom), without importing
// React Flow hooks into the command registry.
import type { XY } from '../model';

export interface CanvasApi {
  /** The diagram point at the middle of the visible canvas. */
  viewportCenter(): XY;
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
  /** Converts a point on the screen to diagram coordinates. */
  toDiagram(screen: XY): XY;
  /** Centres the view on a node, at the given zoom or the current one. */
  focusNode(id: string, zoom?: number): void;
  /** The canvas area every node covers, in diagram coordinates. */
  contentBounds(): { x: number; y: number; width: number; height: number };
  /** The element that holds the drawing (nodes and edges), for pictures. */
  drawingElement(): HTMLElement | null;
}

let current: CanvasApi | null = null;

export function setCanvasApi(api: CanvasApi | null): void {
  current = api;
}

export function canvasApi(): CanvasApi | null {
  return current;
}
