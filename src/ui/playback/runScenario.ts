// Runs the active scenario in a worker with progress and cancel, and opens the recorded run in
// the player. The page stays responsive: the worker simulates and also stores the run in the
// library, and the run arrives with its buffers transferred, not copied.
import type { Diagram } from '../../model';
import { createScenario, findScenario, isSource } from '../../model';
import type { RecordedRun } from '../../sim/types';
import { documentStore, playback, uiStore } from '../stores';

const session = async () => (await import('../library/session')).session;

/** How the run went, in one line a person reads in a message. */
export function runHeadline(run: RecordedRun): string {
  const clients = run.summary.clients.map((c) => `${c.label} ${(c.successRatio * 100).toFixed(1)}% success, p99 ${Math.round(c.latency.p99)} ms`);
  return clients.length > 0 ? clients.join('; ') : 'no client traffic';
}

/** Where a fresh run opens: just before its first fault, where the story starts. */
export function startingPoint(run: RecordedRun): number {
  const first = run.faults?.length ? Math.min(...run.faults.map((f) => f.startMs)) : 0;
  return Math.max(0, first - 2_000);
}

/** Resolves in a new task after the next frame has been drawn. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export interface RunRequest {
  /** A scenario of the diagram; by default the active one. */
  scenarioId?: string;
  /** Run this version of the open diagram instead (a drill with its fix applied). */
  diagram?: Diagram;
  /** How the run is called in its name ("with the fix"). */
  variant?: string;
}

/** Runs a scenario and opens the run; resolves to the run, or null when it did not finish. */
export async function runScenario(request: RunRequest = {}): Promise<RecordedRun | null> {
  const pb = playback.getState();
  if (pb.status.kind === 'running') return null;
  const d = request.diagram ?? documentStore.getState().diagram;
  if (!d.nodes.some((n) => isSource(n.kind))) {
    uiStore.getState().notify('Add a client first: clients send the traffic a run plays out', 'error');
    return null;
  }
  const found = findScenario(d, request.scenarioId ?? uiStore.getState().activeScenarioId) ?? createScenario();
  const scenario = request.variant ? { ...found, name: `${found.name} (${request.variant})` } : found;
  const { runInWorker } = await import('./runInWorker');
  // The worker stores the run itself when the library is open.
  const storeFor = (await session()).runs ? d.id : null;
  let last = 0;
  const job = runInWorker(d, scenario, {}, storeFor, (progress) => {
    // Progress arrives often; the bar needs a few dozen steps.
    if (progress - last < 0.02 && progress < 1) return;
    last = progress;
    const status = playback.getState().status;
    if (status.kind === 'running') playback.getState().setStatus({ ...status, progress });
  });
  pb.setStatus({ kind: 'running', scenario: scenario.name, progress: 0, cancel: job.cancel });
  try {
    const { run, record, storeError } = await job.result;
    playback.getState().setStatus({ kind: 'idle' });
    if (record) playback.getState().runsChanged();
    if (storeError) uiStore.getState().notify(`The run could not be stored (${storeError}); it stays open until you leave this diagram.`, 'error');
    // The diagram may have been switched while the run was going: then it is only stored.
    if (documentStore.getState().diagram.id !== d.id) return run;
    // The story of the run, unless the person is looking at another panel already. The panel
    // is laid out a frame before the replay's first frame is drawn: two short tasks, not one.
    const ui = uiStore.getState();
    if (ui.dockTab === 'faults') ui.showDock('incident');
    else if (!ui.dockOpen) ui.showDock();
    await nextFrame();
    await openInSteps(run, record?.id ?? null);
    uiStore.getState().notify(`Run finished: ${runHeadline(run)}. Space plays it.`);
    return run;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      playback.getState().setStatus({ kind: 'idle' });
      uiStore.getState().notify('Run cancelled');
      return null;
    }
    const message = error instanceof Error ? error.message : String(error);
    playback.getState().setStatus({ kind: 'failed', message });
    uiStore.getState().notify(`The run could not start: ${message}`, 'error');
    return null;
  }
}

export function cancelRun(): void {
  const status = playback.getState().status;
  if (status.kind === 'running') status.cancel();
}

/** Opens a stored run without simulating again. */
export async function openStoredRun(id: string): Promise<void> {
  const runs = (await session()).runs;
  let stored: Awaited<ReturnType<NonNullable<typeof runs>['get']>>;
  try {
    stored = await runs?.get(id);
  } catch (error) {
    uiStore.getState().notify(error instanceof Error ? error.message : String(error), 'error');
    return;
  }
  if (!stored) {
    uiStore.getState().notify('That run is no longer stored', 'error');
    playback.getState().runsChanged();
    return;
  }
  await openInSteps(stored.run, id);
}

/** The player and story first, the canvas a frame later: each a short task. */
async function openInSteps(run: RecordedRun, id: string | null): Promise<void> {
  const at = startingPoint(run);
  playback.getState().open(run, id, at, true);
  await nextFrame();
  if (playback.getState().run === run) playback.getState().seek(at);
}
