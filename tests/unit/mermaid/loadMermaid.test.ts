import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { standaloneSvg } from '../../../src/mermaid/loadMermaid';

const { DOMParser } = new JSDOM('').window;

describe("Mermaid's SVG as a file of its own", () => {
  it('declares the xlink namespace a click link uses, so an image or a download still draws', () => {
    const linked = '<svg id="a" xmlns="http://www.w3.org/2000/svg"><a xlink:href="https://example.com"><rect/></a></svg>';
    const fixed = standaloneSvg(linked);
    expect(fixed.startsWith('<svg xmlns:xlink="http://www.w3.org/1999/xlink" id="a"')).toBe(true);
    const doc = new DOMParser().parseFromString(fixed, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(new DOMParser().parseFromString(linked, 'image/svg+xml').querySelector('parsererror')).not.toBeNull();
  });

  it('leaves an SVG without links, or with the namespace declared, as it is', () => {
    const plain = '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>';
    expect(standaloneSvg(plain)).toBe(plain);
    const declared = '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="#x"/></svg>';
    expect(standaloneSvg(declared)).toBe(declared);
  });
});
