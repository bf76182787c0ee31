import { Position } from '@xyflow/system';
import { describe, expect, it } from 'vitest';
import { edgeSides, routeEdge } from '../../../src/scene/edgeRoute';

const box = (x: number, y: number) => ({ x, y, width: 176, height: 60 });

describe('edge routing', () => {
  it('leaves and enters by the sides that face each other', () => {
    expect(edgeSides(box(0, 0), box(400, 0), 'LR')).toEqual([Position.Right, Position.Left]);
    expect(edgeSides(box(400, 0), box(0, 0), 'LR')).toEqual([Position.Left, Position.Right]);
    expect(edgeSides(box(0, 0), box(0, 300), 'LR')).toEqual([Position.Bottom, Position.Top]);
    expect(edgeSides(box(0, 300), box(0, 0), 'TB')).toEqual([Position.Top, Position.Bottom]);
  });

  it('measures the gap in node sizes, and leans toward the flow on a diagonal', () => {
    // 200 across and 100 down: a node is 176 wide and 60 tall, so that is further down than across.
    expect(edgeSides(box(0, 0), box(200, 100), 'TB')).toEqual([Position.Bottom, Position.Top]);
    // Equally far both ways in node sizes: the flow decides.
    expect(edgeSides(box(0, 0), box(176, 60), 'LR')).toEqual([Position.Right, Position.Left]);
    expect(edgeSides(box(0, 0), box(176, 60), 'TB')).toEqual([Position.Bottom, Position.Top]);
  });

  it('ends just outside the middle of each side', () => {
    const r = routeEdge(box(0, 0), box(400, 0), 'LR');
    expect(r.from).toEqual({ x: 178, y: 30 });
    expect(r.to).toEqual({ x: 398, y: 30 });
  });
});
