// The scenario being edited and run: the one picked, else the diagram's first.
import { findScenario, type Scenario } from '../../model';
import { useDocument, useUi } from '../../react/editorContext';

export function useActiveScenario(): Scenario | undefined {
  const id = useUi((s) => s.activeScenarioId);
  return useDocument((s) => findScenario(s.diagram, id));
}
