// The replay: which recorded run is open, where the playhead is, whether it plays, how fast,
// and the canvas frame for that moment; also a running simulation's progress, and the request
// flow being stepped through. None of it enters undo history or the document.
import { createStore } from 'zustand/vanilla';
import { advance, clampTime, nextMoment, previousMoment, type Speed } from '../playback/clock';
import { STEP_MS } from '../playback/flows';
import { nextFrame, type Frame } from '../playback/project';
import { buildRunIndex, type RunIndex } from '../playback/runIndex';
import type { RecordedRun } from '../sim/types';

export type RunStatus = { kind: 'idle' } | { kind: 'running'; scenario: string; progress: number; cancel(): void } | { kind: 'failed'; message: string };

export interface FlowPlayback {
  id: string;
  /** Messages in the flow. */
  length: number;
  step: number;
  /** Screen time spent on the current step, for the moving dot. */
  elapsed: number;
  playing: boolean;
}

export interface PlaybackState {
  run: RecordedRun | null;
  /** The run's record in the library, or null when it could not be stored. */
  runId: string | null;
  /** What the person called the open run, if they named it. */
  runName: string | null;
  index: RunIndex | null;
  frame: Frame | null;
  t: number;
  playing: boolean;
  speed: Speed;
  loop: boolean;
  status: RunStatus;
  /** Simulations started in this page, for tests that check a replay did not simulate again. */
  simulations: number;
  /** Bumped when the stored runs change, so lists refresh. */
  runsVersion: number;
  flow: FlowPlayback | null;
  /**
   * Opens a run at a time. With `drawLater`, the canvas frame is left for a following `seek`,
   * so the player and the canvas render in two short tasks rather than one long one.
   */
  open(run: RecordedRun, runId: string | null, at?: number, drawLater?: boolean): void;
  close(): void;
  setRunName(name: string | null): void;
  seek(t: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
  setLoop(loop: boolean): void;
  jump(direction: -1 | 1): boolean;
  /** Advances whatever is playing by this much wall time. */
  tick(wallMs: number): void;
  setStatus(status: RunStatus): void;
  runsChanged(): void;
  openFlow(id: string | null, length?: number): void;
  stepFlow(step: number): void;
  setFlowPlaying(playing: boolean): void;
}

export function createPlaybackStore() {
  return createStore<PlaybackState>()((set, get) => ({
    run: null,
    runId: null,
    runName: null,
    index: null,
    frame: null,
    t: 0,
    playing: false,
    speed: 4,
    loop: false,
    status: { kind: 'idle' },
    simulations: 0,
    runsVersion: 0,
    flow: null,

    open(run, runId, at = 0, drawLater = false) {
      const index = buildRunIndex(run);
      const t = clampTime(at, run.durationMs);
      // Drawing later keeps the canvas as it was for that moment, instead of clearing it.
      set({ run, runId, runName: null, index, t, playing: false, frame: drawLater ? get().frame : nextFrame(index, t, null) });
    },
    close() {
      set({ run: null, runId: null, runName: null, index: null, frame: null, t: 0, playing: false });
    },
    setRunName(name) {
      set({ runName: name || null });
    },
    seek(t) {
      const { index, frame } = get();
      if (!index) return;
      const at = clampTime(t, index.run.durationMs);
      set({ t: at, frame: nextFrame(index, at, frame) });
    },
    play() {
      const { run, t } = get();
      if (!run) return;
      // Play from the start again once the end was reached.
      if (t >= run.durationMs) get().seek(0);
      set({ playing: true });
    },
    pause() {
      set({ playing: false });
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    setSpeed(speed) {
      set({ speed });
    },
    setLoop(loop) {
      set({ loop });
    },
    jump(direction) {
      const { index, t } = get();
      if (!index) return false;
      const to = direction < 0 ? previousMoment(index.moments, t) : nextMoment(index.moments, t);
      if (to === null) return false;
      get().seek(to);
      return true;
    },
    tick(wallMs) {
      const { run, playing, t, speed, loop, flow } = get();
      if (run && playing) {
        const next = advance(t, wallMs, speed, run.durationMs, loop);
        get().seek(next.t);
        if (next.ended) set({ playing: false });
      }
      if (flow?.playing) {
        const elapsed = flow.elapsed + wallMs;
        const last = flow.step >= flow.length - 1;
        if (elapsed < STEP_MS) set({ flow: { ...flow, elapsed } });
        else if (last) set({ flow: { ...flow, elapsed: STEP_MS, playing: false } });
        else set({ flow: { ...flow, step: flow.step + 1, elapsed: 0 } });
      }
    },
    setStatus(status) {
      set((s) => ({ status, simulations: s.simulations + (status.kind === 'running' && s.status.kind !== 'running' ? 1 : 0) }));
    },
    runsChanged() {
      set((s) => ({ runsVersion: s.runsVersion + 1 }));
    },
    openFlow(id, length = 0) {
      set({ flow: id ? { id, length, step: 0, elapsed: 0, playing: false } : null });
    },
    stepFlow(step) {
      const flow = get().flow;
      if (flow) set({ flow: { ...flow, step: Math.min(Math.max(0, step), Math.max(0, flow.length - 1)), elapsed: 0 } });
    },
    setFlowPlaying(playing) {
      const flow = get().flow;
      if (!flow) return;
      // Playing again from the last message starts the flow over.
      const step = playing && flow.step >= flow.length - 1 ? 0 : flow.step;
      set({ flow: { ...flow, step, playing, elapsed: 0 } });
    },
  }));
}

export type PlaybackStore = ReturnType<typeof createPlaybackStore>;
