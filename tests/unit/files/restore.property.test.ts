// Restoring untrusted files: whatever JSON comes in, the result is a valid document or a message,
// never an exception of another kind, and never a polluted prototype.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileError, parseDiagramFile, serializeDiagramFile } from '../../../src/files/diagramFile';
import { validateDiagram } from '../../../src/model';
import { arbitraryDiagram } from '../../helpers/arbitraryDiagram';

const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'nodes',
  'edges',
  'id',
  'kind',
  'label',
  'props',
  'call',
  'source',
  'target',
  'parentId',
  'scenarios',
  'faults',
  'traffic',
  'format',
  'version',
  'diagram',
  'position',
  'x',
  'y',
];
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 'service', 'group', 'faultline', '__proto__'),
    fc.string({ maxLength: 12 }),
    fc.double(),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** A valid file with one field somewhere replaced by something hostile. */
const mutatedFile = fc.tuple(arbitraryDiagram, fc.nat(), hostileJson).map(([d, pick, value]) => {
  const file = JSON.parse(serializeDiagramFile(d));
  const paths: (string | number)[][] = [];
  const walk = (o: unknown, path: (string | number)[]) => {
    if (o && typeof o === 'object') {
      for (const [k, v] of Object.entries(o)) {
        const key = Array.isArray(o) ? Number(k) : k;
        paths.push([...path, key]);
        walk(v, [...path, key]);
      }
    }
  };
  walk(file, []);
  const path = paths[pick % paths.length];
  let target = file;
  for (const p of path.slice(0, -1)) target = target[p];
  target[path[path.length - 1]] = value;
  return JSON.stringify(file);
});

function check(text: string) {
  try {
    const { diagram } = parseDiagramFile(text);
    expect(validateDiagram(diagram)).toEqual([]);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

describe('file restore of untrusted JSON', () => {
  it('never throws anything but a FileError and always yields a valid document (2,000 arbitrary values)', () => {
    fc.assert(
      fc.property(hostileJson, (value) => check(JSON.stringify(value) ?? 'null')),
      { numRuns: 2_000 },
    );
  });

  it('repairs or refuses 2,000 valid files with one field made hostile', () => {
    fc.assert(fc.property(mutatedFile, check), { numRuns: 2_000 });
  });

  it('keeps __proto__ and constructor keys as plain data', () => {
    const text =
      '{"format":"faultline","version":1,"diagram":{"nodes":[{"id":"__proto__","kind":"client","label":"x","position":{"x":0,"y":0},"props":{"__proto__":{"polluted":1},"rateRps":5}}],"edges":[],"scenarios":[{"name":"s","traffic":{"__proto__":{"rateRps":1}},"faults":[]}]}}';
    const { diagram, report } = parseDiagramFile(text);
    expect(diagram.nodes[0].id).toBe('__proto__');
    expect(diagram.nodes[0].props).toEqual({ rateRps: 5 });
    expect(report.dropped).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses numbers out of range with their field's message, regenerates duplicate ids and removes dangling edges, saying how much it changed", () => {
    const text = JSON.stringify({
      format: 'faultline',
      version: 1,
      diagram: {
        nodes: [
          { id: 'a', kind: 'service', label: 'A', position: { x: 0, y: 0 }, props: { replicas: 1e9, errorRate: -2 } },
          { id: 'a', kind: 'database', label: 'A2', position: { x: 0, y: 0 }, props: {} },
        ],
        edges: [
          { id: 'e', source: 'a', target: 'ghost', mode: 'sync', call: {} },
          { id: 'e2', source: 'a', target: 'a', mode: 'sync', call: {} },
        ],
      },
    });
    const { diagram, report } = parseDiagramFile(text);
    // Out of range is refused, never clamped: the kind's default applies and the report says why.
    expect(diagram.nodes[0].props).toEqual({});
    expect(report.messages).toContain('A: Replicas must be at most 10,000 (got 1000000000; left out)');
    expect(report.messages).toContain('A: Error rate must be at least 0 % (got -2; left out)');
    expect(new Set(diagram.nodes.map((n) => n.id)).size).toBe(2);
    expect(diagram.edges).toEqual([]);
    expect(report.dropped).toBe(5);
  });

  it('refuses files that are not Faultline files, with a reason', () => {
    expect(() => parseDiagramFile('not json')).toThrow(/not valid JSON/);
    expect(() => parseDiagramFile('{"format":"drawio"}')).toThrow(/not a Faultline file/);
    expect(() => parseDiagramFile('{"format":"faultline","version":9,"diagram":{"nodes":[]}}')).toThrow(/newer version of Faultline \(file version 9\)/);
    expect(() => parseDiagramFile('[1,2]')).toThrow(/not a Faultline diagram/);
  });
});
