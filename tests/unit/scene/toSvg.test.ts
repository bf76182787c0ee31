import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { nodeSize } from '../../../src/model';
import { flatColor } from '../../../src/scene/blend';
import { diagramScene } from '../../../src/scene/diagramScene';
import { escapeXml, sceneToSvg } from '../../../src/scene/toSvg';
import { DiagramBuilder } from '../../helpers/builders';

const HOSTILE = '<img src=x onerror=alert(1)> & "quotes" \u0007';

const { DOMParser } = new JSDOM('').window;

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

function sketch(label = 'Orders DB') {
  const b = new DiagramBuilder('Shop');
  const api = b.node('service', { id: 'api', label: 'API', x: 0, y: 0 });
  const db = b.node('database', { id: 'db', label, x: 300, y: 0 });
  b.edge(api, db, { label: 'reads' });
  return b.build();
}

describe('sceneToSvg', () => {
  it('escapes the five XML specials and drops characters XML forbids', () => {
    expect(escapeXml('a<b>&"\'\u0001c')).toBe('a&#60;b&#62;&#38;&#34;&#39;c');
  });

  it('writes shapes and labels as SVG elements and text, no HTML inside', () => {
    const svg = sceneToSvg(diagramScene(sketch()), 'Shop');
    const doc = parse(svg);
    expect(doc.getElementsByTagName('foreignObject')).toHaveLength(0);
    const texts = [...doc.getElementsByTagName('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['API', 'SERVICE', 'Orders DB', 'DATABASE', 'reads']));
    expect(doc.getElementsByTagName('title')[0].textContent).toBe('Shop');
    // Two outlines, two icons, one edge and its arrowhead at least.
    expect(doc.getElementsByTagName('path').length).toBeGreaterThanOrEqual(6);
  });

  it('keeps a hostile label as text: no element, attribute or script comes from it', () => {
    const doc = parse(sceneToSvg(diagramScene(sketch(HOSTILE)), HOSTILE));
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    const all = [...doc.getElementsByTagName('*')];
    expect(all.some((e) => [...e.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
    const shown = [...doc.getElementsByTagName('text')].map((t) => t.textContent).join('\n');
    expect(shown).toContain('<img src=x');
  });

  it('sizes the picture to the diagram with room around it, or to the size asked for', () => {
    const d = sketch();
    const fitted = parse(sceneToSvg(diagramScene(d))).documentElement;
    // From the API's left to the database's right, 40 around.
    expect(Number(fitted.getAttribute('width'))).toBe(300 + nodeSize(d.nodes[1]).width + 80);
    const sized = parse(sceneToSvg(diagramScene(d, { size: { width: 1280, height: 720 } }))).documentElement;
    expect([sized.getAttribute('width'), sized.getAttribute('height')]).toEqual(['1280', '720']);
  });

  it('leaves the background out of a transparent picture', () => {
    const doc = parse(sceneToSvg(diagramScene(sketch(), { background: null })));
    expect([...doc.getElementsByTagName('rect')].some((r) => r.getAttribute('height') === '100%')).toBe(false);
  });

  it('writes translucent paint as the solid colour it shows, for renderers that ignore opacity', () => {
    const b = new DiagramBuilder('Regions');
    b.group('EU', { id: 'eu', x: 0, y: 0 });
    const svg = sceneToSvg(diagramScene(b.build()));
    expect(svg).not.toMatch(/fill-opacity|stroke-opacity/);
    // The group's 6% tint of its grey over the light background: 100·0.06 + 248·0.94 = 239 (ef), and so on.
    expect(flatColor('#64748b', 0.06, '#f8fafc')).toBe('#eff2f5');
    expect(svg).toContain('fill="#eff2f5"');
  });
});
