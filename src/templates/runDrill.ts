// A drill run headlessly: the template's diagram, the drill's scenario, and its stated outcomes
// checked; then the same with the drill's fix applied. The CLI and the tests use this; the app
// runs the same scenario in its worker and checks it with the same outcomes.
import type { Diagram } from '../model';
import type { LayoutFn } from '../mermaid/importMermaid';
import { simulate } from '../sim/simulate';
import type { RecordedRun } from '../sim/types';
import { drillScenarioId, patched } from './applyDrill';
import { checkOutcomes, type OutcomeCheck } from './outcomes';
import { templateDiagram } from './templateDiagram';
import type { Drill, QuestionTemplate } from './types';

export interface DrillResult {
  drill: Drill;
  run: RecordedRun;
  checks: OutcomeCheck[];
  fixed: { run: RecordedRun; checks: OutcomeCheck[] } | null;
}

export function nodeLabels(d: Diagram): (id: string) => string {
  // Labels drawn on several lines read as one here.
  const labels = new Map(d.nodes.map((n) => [n.id, (n.label || n.id).replace(/\s*\n\s*/g, ' ')]));
  return (id) =>
    id.includes('->')
      ? id
          .split('->')
          .map((p) => labels.get(p.trim()) ?? p.trim())
          .join(' → ')
      : (labels.get(id) ?? id);
}

/** Runs a drill on a diagram that already holds its scenario (as a template diagram does). */
export function runDrillOn(diagram: Diagram, drill: Drill): DrillResult {
  const scenario = diagram.scenarios.find((s) => s.id === drillScenarioId(drill));
  if (!scenario) throw new Error(`The diagram has no scenario for drill "${drill.title}"`);
  const label = nodeLabels(diagram);
  const run = simulate(diagram, scenario);
  let fixed: DrillResult['fixed'] = null;
  if (drill.fix) {
    const fixedRun = simulate(patched(diagram, drill.fix.patch), scenario);
    fixed = { run: fixedRun, checks: checkOutcomes(fixedRun, drill.fix.expect, label) };
  }
  return { drill, run, checks: checkOutcomes(run, drill.expect, label), fixed };
}

export async function runDrills(t: QuestionTemplate, layout: LayoutFn): Promise<DrillResult[]> {
  const results: DrillResult[] = [];
  const diagrams = new Map<number, Diagram>();
  for (const drill of t.drills) {
    if (!diagrams.has(drill.diagram)) diagrams.set(drill.diagram, await templateDiagram(t, drill.diagram, layout));
    results.push(runDrillOn(diagrams.get(drill.diagram)!, drill));
  }
  return results;
}
