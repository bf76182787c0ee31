// Where an edge meets its nodes: on the sides that face each other, so edges attach to the
// nearest sides and follow the nodes wherever they move (floating edges). The canvas, pictures
// and video frames all route with this, so they draw the same edge.
import { Position } from '@xyflow/system';
import type { Direction, Rect, XY } from '../model';

/** How far outside the node's border an edge ends: clear of its outline, so the arrowhead's tip shows. */
export const HANDLE_REACH = 2;

/** The flow's own axis counts this much more, so a diagonal edge leaves the way the flow runs. */
const FLOW_BIAS = 1.25;

/**
 * The sides an edge leaves its source and enters its target by. The gap between the two boxes is
 * measured along each axis in units of their sizes (a wide, flat node is "near" sideways sooner
 * than up or down), and the edge runs along the axis where they are furthest apart.
 */
export function edgeSides(source: Rect, target: Rect, direction: Direction): [from: Position, to: Position] {
  const dx = target.x + target.width / 2 - (source.x + source.width / 2);
  const dy = target.y + target.height / 2 - (source.y + source.height / 2);
  const horizontalFlow = direction === 'LR' || direction === 'RL';
  const across = (Math.abs(dx) / ((source.width + target.width) / 2)) * (horizontalFlow ? FLOW_BIAS : 1);
  const along = (Math.abs(dy) / ((source.height + target.height) / 2)) * (horizontalFlow ? 1 : FLOW_BIAS);
  if (across >= along) return dx >= 0 ? [Position.Right, Position.Left] : [Position.Left, Position.Right];
  return dy >= 0 ? [Position.Bottom, Position.Top] : [Position.Top, Position.Bottom];
}

/** The point on a side where edges attach: its middle, just outside the border. */
export function sideAnchor(r: Rect, side: Position): XY {
  switch (side) {
    case Position.Left:
      return { x: r.x - HANDLE_REACH, y: r.y + r.height / 2 };
    case Position.Right:
      return { x: r.x + r.width + HANDLE_REACH, y: r.y + r.height / 2 };
    case Position.Top:
      return { x: r.x + r.width / 2, y: r.y - HANDLE_REACH };
    default:
      return { x: r.x + r.width / 2, y: r.y + r.height + HANDLE_REACH };
  }
}

export interface EdgeRoute {
  from: XY;
  to: XY;
  fromSide: Position;
  toSide: Position;
}

/** The edge between two boxes: which sides, and where on them. */
export function routeEdge(source: Rect, target: Rect, direction: Direction): EdgeRoute {
  const [fromSide, toSide] = edgeSides(source, target, direction);
  return { from: sideAnchor(source, fromSide), to: sideAnchor(target, toSide), fromSide, toSide };
}

/** The four sides, each with a handle on every component so a connection can start anywhere. */
export const SIDES: readonly Position[] = [Position.Top, Position.Right, Position.Bottom, Position.Left];
