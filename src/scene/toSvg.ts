// A scene as a standalone SVG document: shapes as SVG elements and labels as <text>, no HTML
// inside, so browsers, ImageMagick and Inkscape draw the same picture. Every text and attribute
// is escaped: labels come from files and peers.
import { flatColor } from './blend';
import { FONT_FAMILY, type Scene, type SceneItem, type Stroke } from './scene';

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids are dropped; the five special ones are escaped.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const num = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '0');
const attr = (name: string, value: string | number | undefined) =>
  value === undefined ? '' : ` ${name}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;

/** A colour at an opacity: solid where it can be blended over the background, else with its opacity. */
function paint(name: 'fill' | 'stroke', color: string, opacity: number | undefined, background: string): string {
  if (opacity === undefined || opacity >= 1) return attr(name, color);
  const flat = flatColor(color, opacity, background);
  return flat ? attr(name, flat) : `${attr(name, color)}${attr(`${name}-opacity`, opacity)}`;
}

function strokeAttrs(s: Stroke | undefined, bg: string): string {
  if (!s) return ' stroke="none"';
  return `${paint('stroke', s.color, s.opacity, bg)}${attr('stroke-width', s.width)}${s.dash ? attr('stroke-dasharray', s.dash.join(' ')) : ''}`;
}

function item(i: SceneItem, bg: string): string {
  switch (i.type) {
    case 'rect':
      return `<rect${attr('x', i.x)}${attr('y', i.y)}${attr('width', i.width)}${attr('height', i.height)}${i.radius ? attr('rx', i.radius) : ''}${paint('fill', i.fill, i.fillOpacity, bg)}${strokeAttrs(i.stroke, bg)}/>`;
    case 'circle':
      return `<circle${attr('cx', i.x)}${attr('cy', i.y)}${attr('r', i.r)}${attr('fill', i.fill)} stroke="none"/>`;
    case 'text':
      // ImageMagick's own renderer drops a quote that ends a text; an invisible word joiner after it keeps it.
      return `<text${attr('x', i.x)}${attr('y', i.y)}${attr('font-size', i.size)}${i.weight !== 400 ? attr('font-weight', i.weight) : ''}${attr('fill', i.color)}${i.anchor !== 'start' ? attr('text-anchor', i.anchor) : ''} stroke="none">${escapeXml(/["']$/.test(i.text) ? `${i.text}\u2060` : i.text)}</text>`;
    case 'path': {
      const move =
        i.x || i.y || (i.scale && i.scale !== 1)
          ? attr('transform', `translate(${num(i.x)} ${num(i.y)})${i.scale && i.scale !== 1 ? ` scale(${num(i.scale)})` : ''}`)
          : '';
      const round = i.scale && i.scale !== 1 ? ' stroke-linecap="round" stroke-linejoin="round"' : '';
      return `<path${attr('d', i.d)}${move}${i.fill ? paint('fill', i.fill, i.fillOpacity, bg) : ' fill="none"'}${strokeAttrs(i.stroke, bg)}${round}/>`;
    }
  }
}

export function sceneToSvg(scene: Scene, title?: string): string {
  const v = scene.view;
  // Translucent paint is blended over the background (white for a transparent picture).
  const bg = scene.background ?? '#ffffff';
  const transform = `translate(${num(v.offsetX)} ${num(v.offsetY)}) scale(${num(v.scale)}) translate(${num(-v.originX)} ${num(-v.originY)})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg"${attr('width', scene.width)}${attr('height', scene.height)}${attr('viewBox', `0 0 ${num(scene.width)} ${num(scene.height)}`)}${attr('font-family', FONT_FAMILY)}>`,
    title ? `<title>${escapeXml(title)}</title>` : '',
    scene.background ? `<rect width="100%" height="100%"${attr('fill', scene.background)} stroke="none"/>` : '',
    `<g${attr('transform', transform)}>`,
    ...scene.items.map((i) => item(i, bg)),
    '</g>',
    ...scene.overlay.map((i) => item(i, bg)),
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n');
}
