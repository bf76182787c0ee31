// What a run is called in the player, the timeline, file names and the postmortem: the name the
// person gave it, or its scenario's.
import type { RecordedRun } from '../sim/types';

export function runTitle(run: Pick<RecordedRun, 'scenarioName'>, name?: string | null): string {
  return name || run.scenarioName;
}
