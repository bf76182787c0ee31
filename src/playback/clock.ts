// The replay clock: wall time in, run time out, at the chosen speed, stopping or looping at the
// end; and the moments worth jumping to.

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
export type Speed = (typeof SPEEDS)[number];

export interface Tick {
  t: number;
  /** The end was reached and the replay does not loop. */
  ended: boolean;
}

export function advance(t: number, wallMs: number, speed: number, durationMs: number, loop: boolean): Tick {
  const next = t + Math.max(0, wallMs) * speed;
  if (next < durationMs) return { t: next, ended: false };
  if (loop && durationMs > 0) return { t: next % durationMs, ended: false };
  return { t: durationMs, ended: true };
}

/** Moments closer than this to the playhead count as where it already is. */
const SAME_MOMENT_MS = 1;

export function previousMoment(moments: readonly number[], t: number): number | null {
  for (let i = moments.length - 1; i >= 0; i--) if (moments[i] < t - SAME_MOMENT_MS) return moments[i];
  return null;
}

export function nextMoment(moments: readonly number[], t: number): number | null {
  for (const m of moments) if (m > t + SAME_MOMENT_MS) return m;
  return null;
}

export function clampTime(t: number, durationMs: number): number {
  return Math.min(durationMs, Math.max(0, Number.isFinite(t) ? t : 0));
}

/** The index of the last entry at or before t (entries in time order), or -1 before the first. */
export function entryAt(entries: readonly { t: number }[], t: number): number {
  let at = -1;
  for (let i = 0; i < entries.length && entries[i].t <= t; i++) at = i;
  return at;
}
