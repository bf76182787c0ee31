// Where the story of a run starts and ends: a little before the first fault, and once the last
// part that suffered has recovered after the faults ended. The replay opens at the start; a
// video of the incident covers the range.
import type { RecordedRun } from '../sim/types';

/** Calm shown before the first fault, and after the recovery. */
export const STORY_MARGIN_MS = 2_000;

/** Where a fresh run opens: just before its first fault, where the story starts. */
export function startingPoint(run: Pick<RecordedRun, 'faults'>): number {
  const first = run.faults?.length ? Math.min(...run.faults.map((f) => f.startMs)) : 0;
  return Math.max(0, first - STORY_MARGIN_MS);
}

/**
 * When everything that broke had recovered: the last recovery (health or SLO) at or after the
 * last fault ended; null when something never recovered, or nothing broke.
 */
export function recoveryPoint(run: Pick<RecordedRun, 'faults' | 'events' | 'durationMs'>): number | null {
  if (!run.faults?.length) return null;
  const lastEnd = Math.min(run.durationMs, Math.max(...run.faults.map((f) => f.endMs)));
  let recovered: number | null = null;
  for (const e of run.events) if (e.t >= lastEnd && (e.type === 'recovered' || e.type === 'slo-recovered')) recovered = e.t;
  return recovered;
}

/** The stretch of the run that tells the incident: start to recovery, else to the run's end. */
export function storyRange(run: Pick<RecordedRun, 'faults' | 'events' | 'durationMs'>): { from: number; to: number } {
  if (!run.faults?.length) return { from: 0, to: run.durationMs };
  const recovered = recoveryPoint(run);
  return { from: startingPoint(run), to: recovered === null ? run.durationMs : Math.min(run.durationMs, recovered + STORY_MARGIN_MS) };
}
