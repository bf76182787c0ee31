// Untrusted Mermaid: whatever comes in, import either gives a valid diagram or a refusal with a
// message, never an uncaught error, never a script run, never a polluted prototype, and a
// refused import leaves the open document exactly as it was.
import '../../helpers/withMermaidDom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importMermaid } from '../../../src/mermaid/importMermaid';
import { MermaidImportError } from '../../../src/mermaid/parse';
import { validateDiagram } from '../../../src/model';
import { createDocumentStore } from '../../../src/editor/documentStore';
import { storeActions } from '../../../src/editor/actions';
import { threeTier } from '../../helpers/builders';
import { seedFences } from '../../helpers/seeds';

const PAYLOADS = [
  '<script>globalThis.__pwned = 1</script>',
  '<img src=x onerror="globalThis.__pwned = 1">',
  '<svg onload="globalThis.__pwned=1">',
  'javascript:globalThis.__pwned=1',
  '"><iframe src="javascript:globalThis.__pwned=1">',
  '#lt;script#gt;globalThis.__pwned=1#lt;/script#gt;',
  '__proto__',
  'constructor',
  'prototype',
  '{{constructor.constructor("globalThis.__pwned=1")()}}',
  '\u0000\u0001\u0007',
  '‮reversed',
  '🚀'.repeat(50),
];

const noLayout = async () => ({ positions: new Map(), sizes: new Map() });
const seeds = seedFences().map((s) => s.text);

/** Inputs: raw strings and bytes, seed diagrams mutated, templates with hostile labels and ids. */
const inputs = fc.oneof(
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((b) => String.fromCharCode(...b)) },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 20 })).map(([text, at, cut, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    }),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...PAYLOADS),
        fc.constantFrom(...PAYLOADS),
        fc.constantFrom('flowchart LR', 'graph TD', 'sequenceDiagram', 'stateDiagram-v2', 'architecture-beta'),
      )
      .map(([a, b, type]) => {
        if (type === 'sequenceDiagram') return `${type}\n  participant X as ${a}\n  X->>Y: ${b}`;
        if (type === 'stateDiagram-v2') return `${type}\n  [*] --> S1\n  S1 --> S2 : ${a}\n  note right of S1 : ${b}`;
        if (type === 'architecture-beta') return `${type}\n  service s1(database)[${a}]\n  service s2(server)[${b}]\n  s1:L -- R:s2`;
        return `${type}\n  A["${a}"] -->|"${b}"| B["${b}"]\n  subgraph G["${a}"]\n  B\n  end`;
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '__proto__ --> constructor',
      'flowchart LR\n  __proto__ --> constructor\n  prototype --> __proto__',
      'flowchart LR\n  toString --> valueOf',
    ),
  },
  { weight: 1, arbitrary: fc.nat({ max: 3 }).map((n) => `flowchart LR\n${'  A --> B\n'.repeat(5_000 + n * 1_000)}`) },
);

describe('importing hostile Mermaid', () => {
  it('never throws anything but a refusal, never runs script, never pollutes a prototype, and refusals change nothing', async () => {
    let refused = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(inputs, async (text) => {
        const store = createDocumentStore(threeTier().diagram);
        const before = store.getState().diagram;
        try {
          const { diagram } = await importMermaid(text, 'fuzz', noLayout);
          expect(validateDiagram(diagram)).toEqual([]);
          storeActions(store).importAsGroup(diagram, { x: 0, y: 0 });
          expect(validateDiagram(store.getState().diagram)).toEqual([]);
          imported++;
        } catch (error) {
          if (!(error instanceof MermaidImportError)) throw error;
          expect(error.message.length).toBeGreaterThan(10);
          expect(store.getState().diagram).toBe(before);
          refused++;
        }
        expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype.toString.call({})).toBe('[object Object]');
      }),
      { numRuns: 2_000 },
    );
    // Both outcomes were exercised, not just one.
    expect(imported).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  }, 240_000);
});
