import { describe, expect, it } from 'vitest';
import { parseEdgePath, pointOnCubic } from '../../../src/playback/edgePath';

describe('points along a drawn edge', () => {
  it('reads the Bézier React Flow draws and walks along it', () => {
    const c = parseEdgePath('M10,20 C60,20 60,120 110,120')!;
    expect(pointOnCubic(c, 0)).toEqual({ x: 10, y: 20 });
    expect(pointOnCubic(c, 1)).toEqual({ x: 110, y: 120 });
    const mid = pointOnCubic(c, 0.5);
    expect(mid.x).toBeCloseTo(60);
    expect(mid.y).toBeCloseTo(70);
  });

  it('reads a straight path and refuses what is not a path', () => {
    const line = parseEdgePath('M0,0 L100,50')!;
    expect(pointOnCubic(line, 0.5).x).toBeCloseTo(50);
    expect(pointOnCubic(line, 0.5).y).toBeCloseTo(25);
    expect(parseEdgePath('')).toBeNull();
  });
});
