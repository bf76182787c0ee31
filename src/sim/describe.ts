// Words for faults, shared by the event log, the incident timeline and the scenario editor, and
// the name a scenario goes by in lists of runs: what it holds, until the person names it.
import type { Diagram, Fault, Scenario } from '../model';
import { faultTargetName } from '../model';

export function describeFault(f: Fault, target: string): string {
  switch (f.type) {
    case 'crash':
      return `${target} crashes`;
    case 'hang':
      return `${target} hangs`;
    case 'latency': {
      const parts: string[] = [];
      if (f.addMs) parts.push(`+${f.addMs} ms`);
      if (f.factor !== undefined && f.factor !== 1) parts.push(`×${f.factor}`);
      return `${target} slows down (${parts.join(', ') || 'latency'})`;
    }
    case 'errorRate':
      return `${target} fails ${Math.round((f.fraction ?? 0) * 100)}% of requests`;
    case 'capacityLoss':
      return `${target} loses ${Math.round((f.fraction ?? 0) * 100)}% of its capacity`;
    case 'partition':
      return `${target} is cut off (${f.partition === 'drop' ? 'packets dropped' : 'connections refused'})`;
    case 'cacheFlush':
      return `${target} is flushed`;
    case 'trafficSpike':
      return `traffic from ${target} ×${f.factor ?? 1}`;
  }
}

/** Names the app gives, which say nothing about what a scenario holds. */
const GIVEN_NAME = /^(Baseline|Scenario \d+)$/;

const seconds = (ms: number) => String(Math.round(ms / 100) / 10);

/**
 * A scenario as lists show it: its own name once the person has given one; otherwise what it
 * breaks and when ("Orders DB hangs 20–35 s", "+ 2 more"), so runs are told apart at a glance.
 */
export function scenarioTitle(s: Scenario, d: Diagram): string {
  if (!GIVEN_NAME.test(s.name) || s.faults.length === 0) return s.name;
  const first = [...s.faults].sort((a, b) => a.startMs - b.startMs)[0];
  const what = describeFault(first, faultTargetName(d, first.target));
  const more = s.faults.length > 1 ? ` + ${s.faults.length - 1} more` : '';
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} ${seconds(first.startMs)}–${seconds(first.endMs)} s${more}`;
}
