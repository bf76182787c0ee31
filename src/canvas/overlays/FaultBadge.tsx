// The marker on a faulted node, group or edge: the fault's short name, its full words on hover
// and for screen readers.
import { Zap } from 'lucide-react';
import { faultBadgeText } from '../../playback/badges';
import type { FaultMark } from '../../playback/project';

export function FaultBadge({ faults }: { faults: readonly FaultMark[] }) {
  if (faults.length === 0) return null;
  const words = faults.map((f) => f.text).join('; ');
  return (
    <span className="fl-badge fl-badge-fault" title={words}>
      <Zap size={11} aria-hidden="true" />
      <span className="fl-sr-only">Fault: {words}. </span>
      <span aria-hidden="true">{faultBadgeText(faults)}</span>
    </span>
  );
}
