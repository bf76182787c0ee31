// docs/templates.md is the contract for people writing their own question files: it must name
// every measure a drill can state and every field the parser accepts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../src/templates/parseTemplate';
import { DIFFICULTIES, MEASURES } from '../../../src/templates/types';

const doc = readFileSync('docs/templates.md', 'utf8');

describe('docs/templates.md', () => {
  it.each([...MEASURES])('documents the measure %s', (name) => {
    expect(doc).toContain(`| \`${name}\` |`);
  });

  it.each(['id', 'title', 'category', 'difficulty', 'minutes', 'source', 'summary', 'variantOf', 'setup'])('documents the front matter field %s', (name) => {
    expect(doc).toContain(`| \`${name}\` |`);
  });

  it('names the difficulties the parser accepts', () => {
    expect(doc).toContain(
      DIFFICULTIES.map((d) => `\`${d}\``)
        .join(', ')
        .replace(/, (?=[^,]*$)/, ' or '),
    );
  });

  it('shows examples that parse as a setup, a scale and a drill', () => {
    const fences = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    const fence = (first: string) => fences.find((f) => f.startsWith(first)) ?? '';
    const [setup, scale, drill] = [fence('setup:'), fence('scale:'), fence('id:')];
    const file = `---\nid: doc-example\ntitle: Example\ncategory: Docs\ndifficulty: Medium\nminutes: 30\nsource: docs\nsummary: The examples of docs/templates.md.\n${setup}${scale.replace(/ *#.*$/gm, '')}---\n\n## Problem statement\n\nx\n\n## Diagrams\n\n### A\n\n\`\`\`mermaid\nflowchart LR\n  Gateway --> Processor --> Banks\n  PSP[Payment gateway]\n\`\`\`\n\n## Drills\n\n### Example\n\nx\n\n\`\`\`yaml drill\n${drill.replace(/ *#.*$/gm, '')}\`\`\`\n`;
    const t = parseTemplate(file);
    expect(t.drills[0].id).toBe('bank-latency-spike');
    expect(t.setup[1].add.edges).toEqual(['Merchants->Gateway']);
    expect(t.scale?.peakRps).toBeCloseTo((100_000_000_000 / 86_400) * 2);
    expect(t.scale?.simulateAt).toBe(0.00065);
  });
});
