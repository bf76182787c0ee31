// A node's Mermaid shape (cylinder, diamond, hexagon...) as an SVG path: the canvas, pictures and
// video frames draw the same outline, so databases look like databases everywhere.

/** The outline of a shape of size w×h drawn with stroke width s, inset so the stroke stays inside. */
export function outlinePath(shape: string, w: number, h: number, s: number): string {
  const i = s / 2;
  const r = (x: number, y: number) => `${x.toFixed(1)},${y.toFixed(1)}`;
  const poly = (pts: [number, number][]) => `M${pts.map(([x, y]) => r(x, y)).join(' L')} Z`;
  const slant = Math.min(18, w / 8);
  switch (shape) {
    case 'cylinder': {
      const ry = Math.min(9, h / 6);
      return `M${r(i, ry + i)} A${r(w / 2 - i, ry)} 0 0 1 ${r(w - i, ry + i)} L${r(w - i, h - ry - i)} A${r(w / 2 - i, ry)} 0 0 1 ${r(i, h - ry - i)} Z M${r(i, ry + i)} A${r(w / 2 - i, ry)} 0 0 0 ${r(w - i, ry + i)}`;
    }
    case 'diamond':
      return poly([
        [w / 2, i],
        [w - i, h / 2],
        [w / 2, h - i],
        [i, h / 2],
      ]);
    case 'hexagon':
      return poly([
        [slant, i],
        [w - slant, i],
        [w - i, h / 2],
        [w - slant, h - i],
        [slant, h - i],
        [i, h / 2],
      ]);
    case 'lean_right':
      return poly([
        [slant, i],
        [w - i, i],
        [w - slant, h - i],
        [i, h - i],
      ]);
    case 'lean_left':
      return poly([
        [i, i],
        [w - slant, i],
        [w - i, h - i],
        [slant, h - i],
      ]);
    case 'trapezoid':
      return poly([
        [slant, i],
        [w - slant, i],
        [w - i, h - i],
        [i, h - i],
      ]);
    case 'inv_trapezoid':
      return poly([
        [i, i],
        [w - i, i],
        [w - slant, h - i],
        [slant, h - i],
      ]);
    case 'odd':
      return poly([
        [i, i],
        [w - i, i],
        [w - i, h - i],
        [i, h - i],
        [slant, h / 2],
      ]);
    case 'stadium':
    case 'circle':
    case 'doublecircle': {
      const rad = h / 2 - i;
      return `M${r(rad + i, i)} L${r(w - rad - i, i)} A${r(rad, rad)} 0 0 1 ${r(w - rad - i, h - i)} L${r(rad + i, h - i)} A${r(rad, rad)} 0 0 1 ${r(rad + i, i)} Z`;
    }
    case 'subroutine':
      return `M${r(i, i)} H${w - i} V${h - i} H${i} Z M${r(8, i)} V${h - i} M${r(w - 8, i)} V${h - i}`;
    case 'round':
      return roundedRect(w, h, i, 14);
    default:
      return roundedRect(w, h, i, 6);
  }
}

function roundedRect(w: number, h: number, i: number, rad: number): string {
  return `M${i + rad},${i} H${w - i - rad} A${rad},${rad} 0 0 1 ${w - i},${i + rad} V${h - i - rad} A${rad},${rad} 0 0 1 ${w - i - rad},${h - i} H${i + rad} A${rad},${rad} 0 0 1 ${i},${h - i - rad} V${i + rad} A${rad},${rad} 0 0 1 ${i + rad},${i} Z`;
}
