// Whether a diagram has what a drill needs: false for a drill of another of the question's
// diagrams, or once the parts it breaks were removed. (Apart from questions.ts, which loads the
// drill code lazily, because the brief asks this on every render.)
import type { Diagram } from '../model';
import { drillScenario } from '../templates/applyDrill';
import type { Drill } from '../templates/types';

export function drillFits(d: Diagram, drill: Drill): boolean {
  try {
    drillScenario(d, drill);
    return true;
  } catch {
    return false;
  }
}
