// Kind inference against real diagrams: 100 architecture diagrams from public repositories, each
// node an engineer would agree on labelled with its kind (tests/fixtures/mermaid/inference).
import '../../helpers/withMermaidDom';
import { beforeAll, describe, expect, it } from 'vitest';
import { importMermaid } from '../../../src/mermaid/importMermaid';
import type { NodeKind } from '../../../src/model';
import { inferenceCorpus } from '../../helpers/inferenceCorpus';
import { noLayout } from '../../helpers/mermaidSource';

interface Scored {
  source: string;
  id: string;
  want: NodeKind;
  got: NodeKind | undefined;
}

const corpus = inferenceCorpus();
let scored: Scored[] = [];

beforeAll(async () => {
  scored = [];
  for (const d of corpus) {
    const { diagram } = await importMermaid(d.text, d.source, noLayout);
    for (const [id, want] of d.kinds) scored.push({ source: d.source, id, want, got: diagram.nodes.find((n) => n.id === id)?.kind });
  }
}, 120_000);

describe('kind inference on real diagrams', () => {
  it('has 100 diagrams from public repositories, flowcharts, sequences and architecture-beta among them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    const repositories = new Set(corpus.map((d) => d.source.split(': ')[1].split(' · ')[0]));
    expect(repositories.size).toBeGreaterThanOrEqual(50);
    const count = (re: RegExp) => corpus.filter((d) => re.test(d.text)).length;
    expect(count(/^\s*(?:flowchart|graph)\b/m)).toBeGreaterThanOrEqual(60);
    expect(count(/^\s*sequenceDiagram\b/m)).toBeGreaterThanOrEqual(20);
    expect(count(/^\s*architecture-beta\b/m)).toBeGreaterThanOrEqual(2);
  });

  it('finds every labelled node', () => {
    expect(scored.filter((s) => s.got === undefined).map((s) => `${s.source} ${s.id}`)).toEqual([]);
  });

  it('gives at least 90% of the labelled nodes the kind an engineer gives them', () => {
    const right = scored.filter((s) => s.got === s.want).length;
    const accuracy = right / scored.length;
    console.info(`kind inference: ${right} of ${scored.length} labelled nodes (${(accuracy * 100).toFixed(1)}%) in ${corpus.length} diagrams`);
    expect(scored.length).toBeGreaterThanOrEqual(800);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('is right on most nodes of every kind, not only on the common ones', () => {
    const byKind = new Map<NodeKind, { right: number; total: number }>();
    for (const s of scored) {
      const k = byKind.get(s.want) ?? { right: 0, total: 0 };
      k.total++;
      if (s.got === s.want) k.right++;
      byKind.set(s.want, k);
    }
    const weak = [...byKind].filter(([, k]) => k.total >= 10 && k.right / k.total < 0.75).map(([kind, k]) => `${kind} ${k.right}/${k.total}`);
    expect(weak).toEqual([]);
  });
});
