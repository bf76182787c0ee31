// Words for faults, shared by the event log, the incident timeline and the scenario editor.
import type { Fault } from '../model';

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
