// Studies of the open diagram: a scenario replicated over seeds (every figure with its 95%
// interval), a load sweep with its knee, a parameter sweep, and a hysteresis run that climbs past
// the knee and comes back down. They run as many simulations at once as the platform allows
// (workers in the browser), with progress and cancel, and are kept in the library like runs.
import { createStore } from 'zustand/vanilla';
import type { Diagram, Scenario } from '../model';
import type { Replicated, RunDigest } from '../sim/replicate';
import type { SimJob } from '../sim/runPlanned';
import type { Estimate, Verdict } from '../sim/stats';
import type { HysteresisResult, HysteresisSpec, Knee, LoadSweepSpec, ParameterSweepSpec, SweepPoint } from '../sim/sweep';
import type { Expectation } from '../templates/types';
import type { Editor } from './Editor';
import type { StudyRuns } from './studyRuns';

export const DEFAULT_SEEDS = 10;

export type StudyResult =
  | { kind: 'replication'; replicated: Replicated }
  | { kind: 'load' | 'parameter'; axis: string; unit: string; clientId: string; points: SweepPoint[]; knee: Knee | null; kneeRule: string }
  | { kind: 'hysteresis'; clientId: string; stepMs: number; result: HysteresisResult; runId: string | null };

export interface StudyRecord {
  id: string;
  diagramId: string;
  createdAt: number;
  name: string;
  scenarioId: string;
  /** What was simulated: a study of a diagram edited since is stale, as a run is. */
  diagramRevision: string;
  seeds: number;
  result: StudyResult;
}

export interface StudyProgress {
  label: string;
  done: number;
  total: number;
  cancel(): void;
}

export interface StudiesState {
  running: StudyProgress | null;
  /** The study shown in the Studies panel. */
  shown: StudyRecord | null;
  /** Bumped when the kept studies change, so lists refresh. */
  version: number;
}

/** How one drill outcome held over seeds. */
export interface OutcomeOverSeeds {
  label: string;
  held: number;
  of: number;
}

export class StudyControl {
  readonly store = createStore<StudiesState>()(() => ({ running: null, shown: null, version: 0 }));
  /** A cancel asked for before the study's runs started (while its code was still loading, say). */
  private cancelRequested = false;

  constructor(private readonly editor: Editor) {}

  /**
   * One study at a time: shown as running from the first moment (so it can be cancelled while
   * it prepares), its work loaded on first use, and the running state cleared however it ends.
   */
  private async exclusive<T>(work: (runs: StudyRuns) => Promise<T | null>): Promise<T | null> {
    if (this.store.getState().running) {
      this.editor.notify('A study is already running: wait for it, or cancel it', 'error');
      return null;
    }
    this.cancelRequested = false;
    this.store.setState({
      running: {
        label: 'Preparing the study',
        done: 0,
        total: 0,
        cancel: () => {
          this.cancelRequested = true;
        },
      },
    });
    try {
      const { StudyRuns } = await import('./studyRuns');
      return await work(new StudyRuns(this.editor, this));
    } finally {
      this.store.setState({ running: null });
    }
  }

  /** Runs the jobs through the simulator's batch, with the progress shown and a cancel; null when cancelled or failed. */
  async runBatch(label: string, jobs: readonly SimJob[]): Promise<RunDigest[] | null> {
    const e = this.editor;
    if (this.cancelRequested) {
      e.notify(`${label}: cancelled`);
      return null;
    }
    const batch = e.simulator.runMany(jobs, (done, total) => {
      const running = this.store.getState().running;
      if (running) this.store.setState({ running: { ...running, done, total } });
    });
    this.store.setState({ running: { label, done: 0, total: jobs.length, cancel: batch.cancel } });
    try {
      return await batch.result;
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') e.notify(`${label}: cancelled`);
      else e.notify(`${label} could not finish: ${error instanceof Error ? error.message : String(error)}`, 'error');
      return null;
    }
  }

  /** Keeps a finished study with its diagram and shows it. */
  async keep(record: StudyRecord): Promise<StudyRecord> {
    const e = this.editor;
    const studies = e.storage?.studies;
    if (studies) {
      try {
        await studies.add(record);
      } catch (error) {
        e.notify(
          `The study could not be kept (${error instanceof Error ? error.message : String(error)}); it stays open until you leave this diagram.`,
          'error',
        );
      }
    }
    this.store.setState((s) => ({ shown: record, version: s.version + 1 }));
    e.ui.getState().showDock('studies');
    return record;
  }

  /** The active scenario over `n` seeds: every summary figure with its 95% interval. */
  replicate(n = DEFAULT_SEEDS): Promise<StudyRecord | null> {
    return this.exclusive((runs) => runs.replicate(n));
  }

  /** A client's rate from a to b in k steps, each replicated: success and p99 against load, with the knee. */
  loadSweep(spec: LoadSweepSpec): Promise<StudyRecord | null> {
    return this.exclusive((runs) => runs.loadSweep(spec));
  }

  /** One property of a node or connection over a list of values, each replicated. */
  parameterSweep(spec: ParameterSweepSpec, clientId?: string): Promise<StudyRecord | null> {
    return this.exclusive((runs) => runs.parameterSweep(spec, clientId));
  }

  /**
   * Load climbs past the knee in steps and comes back down the same steps, in one run that is
   * kept and opened like any other; the study says whether the system came back with the load.
   */
  hysteresis(spec: HysteresisSpec): Promise<StudyRecord | null> {
    return this.exclusive((runs) => runs.hysteresis(spec));
  }

  /** Success of two scenarios over seeds each, and whether the difference is beyond the noise. */
  compareOverSeeds(a: Scenario, b: Scenario, n = DEFAULT_SEEDS): Promise<ComparedOverSeeds[] | null> {
    return this.exclusive((runs) => runs.compareOverSeeds(a, b, n));
  }

  /**
   * Runs a drill's scenario on a diagram (as drawn or with its fix) over `n` seeds and counts, for
   * each stated outcome, in how many it held.
   */
  outcomesOverSeeds(
    diagram: Diagram,
    scenario: Scenario,
    expect: readonly Expectation[],
    labels: readonly string[],
    n = DEFAULT_SEEDS,
  ): Promise<OutcomeOverSeeds[] | null> {
    return this.exclusive((runs) => runs.outcomesOverSeeds(diagram, scenario, expect, labels, n));
  }

  cancel(): void {
    this.store.getState().running?.cancel();
  }

  show(record: StudyRecord | null): void {
    this.store.setState({ shown: record });
  }

  async remove(id: string): Promise<void> {
    await this.editor.storage?.studies?.delete(id);
    this.store.setState((s) => ({ shown: s.shown?.id === id ? null : s.shown, version: s.version + 1 }));
  }
}

export interface ComparedOverSeeds {
  label: string;
  a: Estimate;
  b: Estimate;
  difference: number;
  half: number;
  verdict: Verdict;
}

/** A drill outcome holds in too few seeds to be relied on: under 95% of them. */
export function seedSensitive(outcomes: readonly OutcomeOverSeeds[]): boolean {
  return outcomes.some((o) => o.held / o.of < 0.95);
}
