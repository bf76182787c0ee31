// Mermaid out in the author's own terms: for every fence of the question bank and every example of
// mermaid's syntax documentation for the four types Faultline imports, mermaid's own reading of
// export(import(x)) is mermaid's reading of x, field by field on mermaid's database. Twice: as
// exported (the author's text kept), and with every node, link, message, note, transition,
// service, edge and header written again from what mermaid read (which tests the writers that
// edits use). A difference fails with the field named.
import '../../../helpers/withMermaidDom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importMermaid } from '../../../../src/mermaid/importMermaid';
import { mermaidBlocks } from '../../../../src/mermaid/markdown';
import { exportWithSource } from '../../../../src/mermaid/source/exportSource';
import { mermaidSnapshot, snapshotDifferences } from '../../../helpers/mermaidDb';
import { seedFences } from '../../../helpers/seeds';
import { noLayout } from '../../../helpers/mermaidSource';

const syntax = ['flowchart', 'sequence', 'state', 'architecture'].flatMap((type) =>
  mermaidBlocks(readFileSync(`tests/fixtures/mermaid/syntax/${type}.md`, 'utf8')).map((b) => ({ name: `${type}: ${b.heading}`, text: b.text })),
);
const corpus = [...seedFences(), ...syntax];

/** The examples mermaid itself refuses (the documentation's en dash in `e1@–>`): nothing to keep. */
async function readable(text: string) {
  try {
    return await mermaidSnapshot(text);
  } catch {
    return null;
  }
}

describe('Mermaid export keeps the author’s diagram', () => {
  it('has the whole corpus: 41 bank fences and 159 documentation examples, 3 of which mermaid refuses', async () => {
    expect(seedFences()).toHaveLength(41);
    expect(syntax).toHaveLength(159);
    const refused = [];
    for (const c of syntax) if (!(await readable(c.text))) refused.push(c.name);
    expect(refused).toEqual([
      'flowchart: Attaching an ID to Edges',
      'flowchart: Selecting Type of Animation',
      'flowchart: Using classDef Statements for Animations',
    ]);
  });

  it.each(corpus.map((c) => [c.name, c.text]))('%s', async (_, text) => {
    const original = await readable(text);
    if (!original) return;
    const { diagram } = await importMermaid(text, 'Imported', noLayout);
    for (const touchAll of [false, true]) {
      const exported = await exportWithSource(diagram, { touchAll });
      expect(exported).not.toBeNull();
      const differences = snapshotDifferences(original, await mermaidSnapshot(exported!));
      expect(differences, touchAll ? 'every statement written again' : 'as exported').toEqual([]);
    }
  });
});
