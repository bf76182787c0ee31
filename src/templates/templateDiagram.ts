// A template's diagram as a document that runs: the bank's Mermaid imported with mermaid's own
// parser, the template's setup applied (kinds the words do not say, capacities, timeouts), and
// each drill on that diagram added as a scenario. Layout is injected, as for any import.
import type { Diagram } from '../model';
import { importMermaid, type LayoutFn } from '../mermaid/importMermaid';
import { applyPatch, drillScenario } from './applyDrill';
import type { QuestionTemplate } from './types';

export async function templateDiagram(t: QuestionTemplate, index: number, layout: LayoutFn): Promise<Diagram> {
  const block = t.diagrams[index - 1];
  if (!block) throw new Error(`${t.title} has no diagram ${index}`);
  const name = index === 1 ? t.title : `${t.title}: ${block.heading}`;
  const setup = t.setup[index];
  const { diagram } = await importMermaid(block.text, name, layout, (d) => {
    if (!setup) return;
    const r = applyPatch(d, setup);
    if (!r.ok) throw new Error(`${t.title}, setup of diagram ${index}: ${r.reason}`);
  });
  diagram.scenarios = t.drills.filter((d) => d.diagram === index).map((d) => drillScenario(diagram, d));
  diagram.templateId = t.id;
  diagram.templateBlock = index;
  return diagram;
}
