// An interview session: the diagram as it was when the interview clock started, then every change
// to it with its moment (immer patches, as the document store's change feed gives them; a drag is
// one change), the runs and the interviewer's notes. Replaying it to a moment rebuilds the
// diagram of that moment; a player keeps a snapshot every CHECKPOINT_EVERY changes so any seek
// applies at most that many changes.
import { applyPatches, enablePatches, type Patch } from 'immer';
import type { DocumentStore } from '../editor/documentStore';
import { diffPatches } from '../editor/diff';
import type { Diagram } from '../model';

enablePatches();

export const SESSION_VERSION = 1;
export const CHECKPOINT_EVERY = 100;

import type { Phase } from '../templates/timer';

export type { Phase };

export type SessionEvent =
  | { t: number; type: 'change'; label: string; patches: Patch[] }
  | { t: number; type: 'run'; runId: string | null; summary: string; verdict?: DrillVerdict }
  | { t: number; type: 'note'; id: string; text: string; nodeId?: string; runId?: string };

export type RunEvent = Extract<SessionEvent, { type: 'run' }>;

/** What a drill's run showed against the drill's stated outcomes. */
export interface DrillVerdict {
  drill: string;
  /** "as drawn" or "with the fix". */
  variant: string;
  checks: { text: string; met: boolean }[];
}

export interface InterviewSession {
  version: typeof SESSION_VERSION;
  id: string;
  diagramId: string;
  /** Wall time the interview started. */
  startedAt: number;
  phases: Phase[];
  initial: Diagram;
  /** In order of `t`, milliseconds of interview time. */
  events: SessionEvent[];
}

/** The phase a moment falls in, with its start; the last phase runs on past its end. */
export function phaseAt(phases: readonly Phase[], t: number): { index: number; startMs: number } {
  let start = 0;
  for (let i = 0; i < phases.length; i++) {
    const end = start + phases[i].minutes * 60_000;
    if (t < end || i === phases.length - 1) return { index: i, startMs: start };
    start = end;
  }
  return { index: -1, startMs: 0 };
}

/**
 * Records a session from the document store's change feed. `clock` gives interview time (the
 * interview timer's elapsed milliseconds), so a paused timer pauses the record too.
 */
export class SessionRecorder {
  readonly session: InterviewSession;
  private readonly stops: (() => void)[] = [];

  constructor(
    doc: DocumentStore,
    private readonly clock: () => number,
    init: { id: string; startedAt: number; phases: Phase[] },
  ) {
    const diagram = doc.getState().diagram;
    this.session = { version: SESSION_VERSION, ...init, diagramId: diagram.id, initial: diagram, events: [] };
    let last = diagram;
    // Each change is stored as the difference from the last one recorded (diff.ts): a deleted node
    // is one patch, where immer's own patches for a filtered list rewrite the whole list.
    const record = (label: string, now: Diagram) => {
      const { patches } = diffPatches(last, now);
      last = now;
      if (patches.length > 0) this.push({ t: this.clock(), type: 'change', label, patches });
    };
    this.stops.push(
      doc.getState().onChange((change) => {
        // A gesture's frames are recorded once, as the whole gesture, when it ends.
        if (!change.inGesture) record(change.label, doc.getState().diagram);
      }),
      doc.subscribe((s, prev) => {
        if (prev.gesture && !s.gesture) record(prev.gesture.label, s.diagram);
      }),
    );
  }

  private push(event: SessionEvent): void {
    this.session.events.push(event);
  }

  note(text: string, id: string, pin: { nodeId?: string; runId?: string } = {}): SessionEvent {
    const event: SessionEvent = { t: this.clock(), type: 'note', id, text, ...pin };
    this.push(event);
    return event;
  }

  run(runId: string | null, summary: string): void {
    this.push({ t: this.clock(), type: 'run', runId, summary });
  }

  /** The verdict of the drill whose run was recorded last (runs go one at a time). */
  verdict(verdict: DrillVerdict): void {
    const last = this.session.events.findLast((e) => e.type === 'run');
    if (last?.type === 'run') last.verdict = verdict;
  }

  stop(): void {
    for (const s of this.stops.splice(0)) s();
  }
}

/** Seeks a recorded session: the diagram as it stood at any moment. */
export class SessionPlayer {
  private readonly changes: Extract<SessionEvent, { type: 'change' }>[];
  private readonly checkpoints: Diagram[] = [];

  constructor(readonly session: InterviewSession) {
    this.changes = session.events.filter((e): e is Extract<SessionEvent, { type: 'change' }> => e.type === 'change');
    let d = session.initial;
    this.checkpoints.push(d);
    for (let i = 0; i < this.changes.length; i++) {
      d = applyPatches(d, this.changes[i].patches);
      if ((i + 1) % CHECKPOINT_EVERY === 0) this.checkpoints.push(d);
    }
  }

  get durationMs(): number {
    return this.session.events.at(-1)?.t ?? 0;
  }

  /** How many changes had happened by moment t (changes at t included). */
  changesBy(t: number): number {
    let lo = 0;
    let hi = this.changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.changes[mid].t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The diagram at moment t. */
  at(t: number): Diagram {
    const n = this.changesBy(t);
    const k = Math.floor(n / CHECKPOINT_EVERY);
    let d = this.checkpoints[k];
    for (let i = k * CHECKPOINT_EVERY; i < n; i++) d = applyPatches(d, this.changes[i].patches);
    return d;
  }
}
