// The interview clock: the bank's 60-minute structure in phases, and where a given elapsed time
// falls in it. The clock itself (start, pause, reset) lives in a store; this is the arithmetic.

export interface Phase {
  name: string;
  minutes: number;
}

/** From the interviewer's guide (004): 5 + 10 + 15 + 25 + 5 minutes. */
export const INTERVIEW_PHASES: readonly Phase[] = [
  { name: 'Introduction', minutes: 5 },
  { name: 'Requirements', minutes: 10 },
  { name: 'High-level design', minutes: 15 },
  { name: 'Deep dive', minutes: 25 },
  { name: 'Wrap-up', minutes: 5 },
];

/** From the practice guide (002): 10 + 20 + 20 + 10 minutes. */
export const PRACTICE_PHASES: readonly Phase[] = [
  { name: 'Problem understanding', minutes: 10 },
  { name: 'High-level design', minutes: 20 },
  { name: 'Deep dive and scaling', minutes: 20 },
  { name: 'Operational concerns', minutes: 10 },
];

/** The phase structures the interview clock offers. */
export const PHASE_STRUCTURES: readonly { id: string; label: string; phases: readonly Phase[] }[] = [
  { id: 'guide', label: "Interviewer's guide: 5, 10, 15, 25, 5 minutes", phases: INTERVIEW_PHASES },
  { id: 'practice', label: 'Practice guide: 10, 20, 20, 10 minutes', phases: PRACTICE_PHASES },
];

export interface TimerView {
  /** Index of the current phase; the last one once time is up. */
  phase: number;
  /** Milliseconds left in the current phase (0 once over). */
  phaseLeftMs: number;
  totalMs: number;
  /** Milliseconds past the end of the interview, 0 before. */
  overMs: number;
}

export function timerView(elapsedMs: number, phases: readonly Phase[] = INTERVIEW_PHASES): TimerView {
  const totalMs = phases.reduce((s, p) => s + p.minutes * 60_000, 0);
  let start = 0;
  for (let i = 0; i < phases.length; i++) {
    const end = start + phases[i].minutes * 60_000;
    if (elapsedMs < end) return { phase: i, phaseLeftMs: end - elapsedMs, totalMs, overMs: 0 };
    start = end;
  }
  return { phase: phases.length - 1, phaseLeftMs: 0, totalMs, overMs: elapsedMs - totalMs };
}

export function formatClock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
