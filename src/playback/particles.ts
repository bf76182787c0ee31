// Sampled requests in flight at time t, as dots on edges. A hop travels out to its callee, waits
// there while the callee works (a hung database collects a crowd), and travels back when the
// caller learns the outcome. Travel takes a fixed stretch of screen time, whatever the speed,
// so a 2 ms call is still seen.
import type { HopTable } from './runIndex';

export interface ParticleBuffer {
  count: number;
  edge: string[];
  /** 0 at the caller, 1 at the callee. */
  position: Float32Array;
  /** Index into HOP_OUTCOMES. */
  outcome: Uint8Array;
}

export function particleBuffer(capacity: number): ParticleBuffer {
  return { count: 0, edge: new Array<string>(capacity), position: new Float32Array(capacity), outcome: new Uint8Array(capacity) };
}

/** Where a hop's dot sits at time t, or -1 when it is not in flight. `travelMs` is in run time. */
export function hopPosition(sent: number, settled: number, t: number, travelMs: number): number {
  if (t < sent) return -1;
  const arrived = sent + travelMs;
  if (t < arrived) return (t - sent) / travelMs;
  const leaves = Math.max(settled, arrived);
  if (t < leaves) return 1;
  const back = (t - leaves) / travelMs;
  return back < 1 ? 1 - back : -1;
}

/**
 * Fills `out` with the hops in flight at t, at most its capacity; returns how many were in
 * flight in all (more than were kept when the cap was reached).
 */
export function particlesAt(hops: HopTable, t: number, travelMs: number, out: ParticleBuffer): number {
  const cap = out.position.length;
  let kept = 0;
  let inFlight = 0;
  for (let i = 0; i < hops.count; i++) {
    const sent = hops.sent[i];
    if (sent > t) break;
    const p = hopPosition(sent, hops.settled[i], t, travelMs);
    if (p < 0) continue;
    inFlight++;
    if (kept === cap) continue;
    out.edge[kept] = hops.edge[i];
    out.position[kept] = p;
    out.outcome[kept] = hops.outcome[i];
    kept++;
  }
  out.count = kept;
  return inFlight;
}

/**
 * Where a dot is drawn along its edge: requests waiting at the callee queue up along the last
 * stretch, spread by their index so a crowd reads as a crowd.
 */
export function drawnPosition(position: number, i: number): number {
  return position === 1 ? 0.78 + 0.2 * ((i * 0.618034) % 1) : position;
}
