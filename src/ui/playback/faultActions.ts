// Injecting a fault from the canvas: into the active scenario (a Baseline is made when there is
// none), at the playhead when a run is open, else at 10 s; then selected, so the inspector and
// its lane show it at once.
import type { Fault, FaultType } from '../../model';
import { faultTargetName, findScenario, newFault } from '../../model';
import { describeFault } from '../../sim/describe';
import { formatTime } from '../../sim/timeline';
import { actions, documentStore, playback, report, uiStore } from '../stores';

const DEFAULT_START_MS = 10_000;
const SNAP_MS = 500;

export function injectFault(type: FaultType, target: Fault['target']): void {
  const d = documentStore.getState().diagram;
  const scenario = findScenario(d, uiStore.getState().activeScenarioId);
  const pb = playback.getState();
  const at = pb.run ? Math.round(pb.t / SNAP_MS) * SNAP_MS : DEFAULT_START_MS;
  const result = report(actions.addFault(scenario?.id ?? null, newFault(type, target, at, scenario?.durationMs ?? 60_000)));
  if (!result.ok) return;
  const after = documentStore.getState().diagram;
  const owner = after.scenarios.find((s) => s.faults.some((f) => f.id === result.value.id))!;
  const ui = uiStore.getState();
  ui.setActiveScenario(owner.id);
  ui.selectFault(result.value.id);
  ui.showDock('faults');
  const f = result.value;
  ui.notify(
    `${describeFault(f, faultTargetName(after, f.target))} from ${formatTime(f.startMs)} to ${formatTime(f.endMs)} in “${owner.name}”: drag its bar in the Faults panel to change when`,
  );
}
