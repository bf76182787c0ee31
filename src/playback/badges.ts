// The words on a part's badges during a replay: its health when it is not plainly fine, the
// fault acting on it, what it holds in flight and queued, an edge's breaker. The canvas's badges
// and the video's frames both say exactly these.
import { faultType } from '../model';
import type { BreakerView, FaultMark, NodeView } from './project';

export function countText(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : String(Math.round(n));
}

/** Healthy and idle parts carry no health badge: the outline already says it. */
export function showsHealth(view: Pick<NodeView, 'health'>): boolean {
  return view.health !== 'healthy' && view.health !== 'idle';
}

/** The fault badge's short text, or null when no fault acts on the part. */
export function faultBadgeText(faults: readonly FaultMark[]): string | null {
  if (faults.length === 0) return null;
  return faults.length > 1 ? `${faults.length} faults` : faultType(faults[0].type).label;
}

export function metricBadges(view: Pick<NodeView, 'inFlight' | 'queueDepth'>): { text: string; title: string }[] {
  const out: { text: string; title: string }[] = [];
  if (view.inFlight >= 1) out.push({ text: `${countText(view.inFlight)} in flight`, title: 'Requests in flight' });
  if (view.queueDepth >= 1) out.push({ text: `${countText(view.queueDepth)} queued`, title: 'Requests waiting in the queue' });
  return out;
}

export function breakerText(breaker: BreakerView): string | null {
  return breaker === 'closed' ? null : breaker === 'open' ? 'OPEN' : 'HALF-OPEN';
}
