// A translucent colour as the solid colour it shows over a background. ImageMagick's own SVG
// renderer ignores opacity and paints such fills solid (a group's 6% tint came out as a block
// of colour), so the SVG writes what the eye sees instead.

function rgb(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** `color` at `opacity` over `background`, as #rrggbb; null when either is not a hex colour. */
export function flatColor(color: string, opacity: number, background: string): string | null {
  const a = rgb(color);
  const b = rgb(background);
  if (!a || !b) return null;
  const mix = a.map((v, i) => Math.round(v * opacity + b[i] * (1 - opacity)));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
