// The question bank in templates/: every file parses, every diagram imports with the counts
// mermaid itself reads, the bank's diagrams are there exactly as in the seeds, and every drill
// shows what it says it shows, with its fix too.
import '../../helpers/withMermaidDom';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateFiles } from '../../../src/cli/drillsCommand';
import { layoutDiagram } from '../../../src/layout/layoutDiagram';
import { createNodeElk } from '../../../src/layout/nodeElk';
import { importMermaid } from '../../../src/mermaid/importMermaid';
import { parseTemplate } from '../../../src/templates/parseTemplate';
import { runDrills } from '../../../src/templates/runDrill';
import { mermaidCounts } from '../../helpers/mermaidCounts';
import { seedFences } from '../../helpers/seeds';

const files = templateFiles();
const templates = files.map((path) => ({ path, template: parseTemplate(readFileSync(path, 'utf8')) }));
const layout = (() => {
  const elk = createNodeElk();
  return (d: Parameters<typeof layoutDiagram>[0]) => layoutDiagram(d, elk);
})();
const normal = (text: string) => text.replace(/\s+$/, '');

describe('the question bank', () => {
  it('names each file after its template id, ids unique, variants pointing at real questions', () => {
    const ids = templates.map((t) => t.template.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, template } of templates) {
      expect(basename(path, '.md')).toBe(template.id);
      if (template.variantOf) expect(ids).toContain(template.variantOf);
      if (template.kind === 'question') expect(template.drills.length, `${template.id} has a drill`).toBeGreaterThan(0);
    }
  });

  it('holds all 41 diagrams of the seeds (002 and 004) exactly as written there', () => {
    const used = new Set(templates.flatMap((t) => t.template.diagrams.map((d) => normal(d.text))));
    const seeds = seedFences();
    expect(seeds.length).toBe(41);
    expect(seeds.filter((s) => !used.has(normal(s.text))).map((s) => s.name)).toEqual([]);
  });

  it('has the interview guide: both structures, the red flags, the calibration and the two framework diagrams', () => {
    const guide = templates.find((t) => t.template.kind === 'guide')?.template;
    expect(guide?.difficulty).toBeNull();
    expect(guide?.parts.map((p) => p.heading)).toEqual(['Interview structures', 'Red flags', 'Calibration guidelines', 'Common scenarios', 'System evolution']);
    expect(guide?.diagrams.map((d) => d.heading)).toEqual(['Question categories', 'Trade-off analysis framework']);
    const text = guide!.parts.map((p) => p.text).join('\n');
    for (const phrase of [
      'Deep dive and scaling (25 minutes)',
      'Operational concerns (10 minutes)',
      'Over-engineering',
      'Jumps to solution',
      'Common calibration mistakes',
    ])
      expect(text).toContain(phrase);
  });

  describe.each(templates.map((t) => [t.template.id, t.template] as const))('%s', (_, template) => {
    it.each(template.diagrams.map((d, i) => [i + 1, d] as const))('diagram %i imports with the counts mermaid reads', async (_, diagram) => {
      const expected = await mermaidCounts(diagram.text);
      const { diagram: d } = await importMermaid(diagram.text, 'template', layout);
      expect(d.nodes.filter((n) => n.kind !== 'group').length).toBe(expected.nodes);
      if ('edges' in expected && expected.type === 'flowchart') expect(d.edges.length).toBe(expected.edges);
      if ('steps' in expected) expect(d.flows[0]?.steps.length ?? 0).toBe(expected.steps);
    });

    it('every drill shows what it says, and so does its fix', async () => {
      for (const r of await runDrills(template, layout)) {
        for (const c of r.checks) expect(c.met, `${r.drill.title}: ${c.text}`).toBe(true);
        for (const c of r.fixed?.checks ?? []) expect(c.met, `${r.drill.title}, fixed: ${c.text}`).toBe(true);
      }
    }, 120_000);
  });
});
