// Running scenarios and opening recorded runs: a run goes to the simulator (a worker in the
// browser) with progress and cancel, is stored by it, and opens in the player in two short tasks
// (the player and its story first, the canvas a frame later). Faults injected from the canvas
// land in the active scenario here too, and a run whose diagram has changed is told apart.
import type { Diagram, Fault, FaultType, Scenario } from '../model';
import {
  baselineScenario,
  createScenario,
  faultTargetName,
  findScenario,
  fitText,
  isSource,
  newFault,
  normalizeLabel,
  simulationRevision,
  TEXT_FIELDS,
} from '../model';
import { startingPoint } from '../playback/storyRange';
import { describeFault, scenarioTitle } from '../sim/describe';
import { formatTime } from '../sim/timeline';
import type { RecordedRun } from '../sim/types';
import type { Editor } from './Editor';

const DEFAULT_FAULT_START_MS = 10_000;
const SNAP_MS = 500;

/** How the run went, in one line a person reads in a message. */
export function runHeadline(run: RecordedRun): string {
  const clients = run.summary.clients.map((c) => `${c.label} ${(c.successRatio * 100).toFixed(1)}% success, p99 ${Math.round(c.latency.p99)} ms`);
  return clients.length > 0 ? clients.join('; ') : 'no client traffic';
}

export interface RunRequest {
  /** A scenario of the diagram; by default the active one. */
  scenarioId?: string;
  /** Run this scenario instead of one of the diagram's (a study's, made for the run). */
  scenario?: Scenario;
  /** Run this version of the open diagram instead (a drill with its fix applied). */
  diagram?: Diagram;
  /** How the run is called in its name ("with the fix"). */
  variant?: string;
}

/** Whether a run still shows the diagram as it is: current, stale (edited since), or unknown (an old run). */
export type RunFreshness = 'current' | 'stale' | 'unknown';

export class RunControl {
  /** Each record's part of a revision, so asking for freshness at every edit stays cheap. */
  private readonly revisionMemo = new WeakMap<object, string>();

  constructor(private readonly editor: Editor) {}

  /** Runs a scenario and opens the run; resolves to the run, or null when it did not finish. */
  async run(request: RunRequest = {}): Promise<RecordedRun | null> {
    const e = this.editor;
    const pb = e.playback.getState();
    if (pb.status.kind === 'running') return null;
    const d = request.diagram ?? e.diagram;
    if (!d.nodes.some((n) => isSource(n.kind))) {
      e.notify('Add a client first: clients send the traffic a run plays out', 'error');
      return null;
    }
    const found = request.scenario ?? findScenario(d, request.scenarioId ?? e.ui.getState().activeScenarioId) ?? baselineScenario();
    const scenario = request.variant ? { ...found, name: `${scenarioTitle(found, d)} (${request.variant})` } : found;
    // The simulator stores the run itself when the library is open.
    const storeFor = e.storage?.runs ? d.id : null;
    let last = 0;
    const job = e.simulator.run(d, scenario, storeFor, (progress) => {
      // Progress arrives often; the bar needs a few dozen steps.
      if (progress - last < 0.02 && progress < 1) return;
      last = progress;
      const status = e.playback.getState().status;
      if (status.kind === 'running') e.playback.getState().setStatus({ ...status, progress });
    });
    pb.setStatus({ kind: 'running', scenario: scenario.name, progress: 0, cancel: job.cancel });
    try {
      const { run, record, storeError } = await job.result;
      e.playback.getState().setStatus({ kind: 'idle' });
      if (record) e.playback.getState().runsChanged();
      if (storeError) e.notify(`The run could not be stored (${storeError}); it stays open until you leave this diagram.`, 'error');
      // The diagram may have been switched while the run was going: then it is only stored.
      if (e.diagram.id !== d.id) return run;
      // The story of the run, unless the person is looking at another panel already.
      const ui = e.ui.getState();
      if (ui.dockTab === 'faults') ui.showDock('incident');
      else if (!ui.dockOpen) ui.showDock();
      await e.env.nextFrame();
      await this.openInSteps(run, record?.id ?? null);
      e.notify(`Run finished: ${runHeadline(run)}. Space plays it.`);
      e.interview.recordRun(record?.id ?? null, `${run.scenarioName}: ${runHeadline(run)}`);
      return run;
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') {
        e.playback.getState().setStatus({ kind: 'idle' });
        e.notify('Run cancelled');
        return null;
      }
      const message = error instanceof Error ? error.message : String(error);
      e.playback.getState().setStatus({ kind: 'failed', message });
      e.notify(`The run could not start: ${message}`, 'error');
      return null;
    }
  }

  cancel(): void {
    const status = this.editor.playback.getState().status;
    if (status.kind === 'running') status.cancel();
  }

  /** Opens a stored run without simulating again; one that cannot replay says so and offers a re-run. */
  async openStored(id: string): Promise<void> {
    const e = this.editor;
    const runs = (await e.storageReady).runs;
    let stored: Awaited<ReturnType<NonNullable<typeof runs>['get']>>;
    try {
      stored = await runs?.get(id);
    } catch (error) {
      e.notify(error instanceof Error ? error.message : String(error), 'error', { label: 'Run again', run: () => void this.run() });
      return;
    }
    if (!stored) {
      e.notify('That run is no longer stored', 'error');
      e.playback.getState().runsChanged();
      return;
    }
    if (stored.migrated.length > 0)
      e.notify('This run was recorded by an earlier version of Faultline and brought up to date; run it again for exact colours.');
    await this.openInSteps(stored.run, id);
    if (e.playback.getState().runId === id) e.playback.getState().setRunName(stored.name ?? null);
  }

  /** Names a stored run (an empty name gives it back its scenario's); the player follows if it is open. */
  async rename(id: string, name: string): Promise<void> {
    const e = this.editor;
    const runs = (await e.storageReady).runs;
    if (!runs) return;
    const fitted = fitText(TEXT_FIELDS.runName, normalizeLabel(name).replace(/\s+/g, ' '));
    if (fitted.cut) e.notify(fitted.cut);
    try {
      await runs.rename(id, fitted.text);
    } catch (error) {
      e.notify(`The run could not be renamed: ${error instanceof Error ? error.message : String(error)}`, 'error');
      return;
    }
    const pb = e.playback.getState();
    if (pb.runId === id) pb.setRunName(fitted.text);
    pb.runsChanged();
  }

  /** The player and story first, the canvas a frame later: each a short task. */
  private async openInSteps(run: RecordedRun, id: string | null): Promise<void> {
    const pb = this.editor.playback;
    const at = startingPoint(run);
    pb.getState().open(run, id, at, true);
    await this.editor.env.nextFrame();
    if (pb.getState().run === run) pb.getState().seek(at);
  }

  /** The simulation revision of a diagram and scenario, re-reading only the records that changed. */
  revision(d: Diagram, scenario: Scenario): string {
    return simulationRevision(d, scenario, this.revisionMemo);
  }

  /** Whether a run (or a stored run's listing) still matches the open diagram and its scenario. */
  freshness(run: { scenarioId: string; diagramRevision?: string | null; diagramId: string }): RunFreshness {
    const d = this.editor.diagram;
    if (run.diagramId !== d.id) return 'stale';
    const scenario =
      d.scenarios.find((s) => s.id === run.scenarioId) ?? (d.scenarios.length === 0 ? createScenario('Baseline', { id: run.scenarioId }) : undefined);
    if (!scenario) return 'stale';
    if (!run.diagramRevision) return 'unknown';
    return this.revision(d, scenario) === run.diagramRevision ? 'current' : 'stale';
  }

  /**
   * A fault from the canvas: into the active scenario (a Baseline is made when there is none),
   * at the playhead when a run is open, else at 10 s; then selected, so the inspector shows it.
   */
  injectFault(type: FaultType, target: Fault['target']): void {
    const e = this.editor;
    const scenario: Scenario | undefined = findScenario(e.diagram, e.ui.getState().activeScenarioId);
    const pb = e.playback.getState();
    const at = pb.run ? Math.round(pb.t / SNAP_MS) * SNAP_MS : DEFAULT_FAULT_START_MS;
    const result = e.report(e.actions.addFault(scenario?.id ?? null, newFault(type, target, at, scenario?.durationMs ?? 60_000)));
    if (!result.ok) return;
    const after = e.diagram;
    const owner = after.scenarios.find((s) => s.faults.some((f) => f.id === result.value.id))!;
    const ui = e.ui.getState();
    ui.setActiveScenario(owner.id);
    ui.selectFault(result.value.id);
    ui.showDock('faults');
    const f = result.value;
    e.notify(
      `${describeFault(f, faultTargetName(after, f.target))} from ${formatTime(f.startMs)} to ${formatTime(f.endMs)} in “${owner.name}”: drag its bar in the Faults panel to change when`,
    );
  }
}
