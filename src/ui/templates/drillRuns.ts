// Running a question's drill from its brief: the drill's scenario (added back if it was deleted)
// run as it is or with the fix, and its stated outcomes checked against the run. Results are
// kept per diagram, drill and variant for the brief to show.
import { createStore } from 'zustand/vanilla';
import { drillScenario, drillScenarioId, patched } from '../../templates/applyDrill';
import { checkOutcomes, type OutcomeCheck } from '../../templates/outcomes';
import { nodeLabels } from '../../templates/runDrill';
import type { Diagram } from '../../model';
import type { Drill } from '../../templates/types';
import { runScenario } from '../playback/runScenario';
import { actions, documentStore, report, uiStore } from '../stores';

export type Variant = 'as-is' | 'fixed';

export interface DrillOutcome {
  checks: OutcomeCheck[];
  /** Why the outcome could not be checked (a part it measures was removed). */
  error?: string;
}

export const drillOutcomes = createStore<{ results: Record<string, DrillOutcome>; set(key: string, outcome: DrillOutcome): void }>()((set) => ({
  results: {},
  set: (key, outcome) => set((s) => ({ results: { ...s.results, [key]: outcome } })),
}));

export function outcomeKey(diagramId: string, drill: Drill, variant: Variant): string {
  return `${diagramId}/${drill.id}/${variant}`;
}

/** Whether a diagram has what the drill needs: false for a drill of another diagram. */
export function drillFits(d: Diagram, drill: Drill): boolean {
  try {
    drillScenario(d, drill);
    return true;
  } catch {
    return false;
  }
}

export async function runDrill(drill: Drill, variant: Variant): Promise<void> {
  const d = documentStore.getState().diagram;
  const id = drillScenarioId(drill);
  if (!d.scenarios.some((s) => s.id === id) && !report(actions.addDrillScenario(drillScenario(d, drill))).ok) return;
  uiStore.getState().setActiveScenario(id);
  const current = documentStore.getState().diagram;
  const fix = variant === 'fixed' ? drill.fix : null;
  let diagram;
  try {
    diagram = fix ? patched(current, fix.patch) : undefined;
  } catch (error) {
    uiStore.getState().notify(`The fix no longer fits this diagram: ${(error as Error).message}`, 'error');
    return;
  }
  const run = await runScenario({ scenarioId: id, diagram, variant: fix ? 'with the fix' : undefined });
  if (!run) return;
  const key = outcomeKey(current.id, drill, variant);
  try {
    drillOutcomes.getState().set(key, { checks: checkOutcomes(run, fix ? fix.expect : drill.expect, nodeLabels(current)) });
  } catch (error) {
    drillOutcomes.getState().set(key, { checks: [], error: (error as Error).message });
  }
}

export function applyFix(drill: Drill): void {
  if (!drill.fix) return;
  const result = report(actions.applyFix(drill.fix.title, drill.fix.patch));
  if (result.ok) uiStore.getState().notify(`Applied: ${drill.fix.title}. Undo takes it back.`);
}
