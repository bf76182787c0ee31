// Points along an edge as drawn: React Flow draws each edge as one cubic Bézier path
// ("M x,y C x1,y1 x2,y2 x,y"); particles ride on it. The path text is React Flow's own output,
// never user input.

export interface Cubic {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  x3: number;
  y3: number;
}

/** The first cubic segment of a path, or a straight line for an "M … L …" path; null otherwise. */
export function parseEdgePath(d: string): Cubic | null {
  const n = d.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number) ?? [];
  if (/C/i.test(d) && n.length >= 8) return { x0: n[0], y0: n[1], x1: n[2], y1: n[3], x2: n[4], y2: n[5], x3: n[6], y3: n[7] };
  if (n.length >= 4) {
    const [x0, y0] = n;
    const [x3, y3] = n.slice(-2);
    return { x0, y0, x1: x0 + (x3 - x0) / 3, y1: y0 + (y3 - y0) / 3, x2: x0 + ((x3 - x0) * 2) / 3, y2: y0 + ((y3 - y0) * 2) / 3, x3, y3 };
  }
  return null;
}

export function pointOnCubic(c: Cubic, u: number): { x: number; y: number } {
  const v = 1 - u;
  const a = v * v * v;
  const b = 3 * v * v * u;
  const m = 3 * v * u * u;
  const e = u * u * u;
  return { x: a * c.x0 + b * c.x1 + m * c.x2 + e * c.x3, y: a * c.y0 + b * c.y1 + m * c.y2 + e * c.y3 };
}
