// A node's state at the playhead: its health in words, requests in flight and queued, and the
// faults acting on it. Drawn only while a run is open.
import { memo } from 'react';
import { metricBadges, showsHealth } from '../../playback/badges';
import { HEALTH_STYLE } from '../../playback/healthStyle';
import type { NodeView } from '../../playback/project';
import { FaultBadge } from './FaultBadge';

export const NodeStatus = memo(function NodeStatus({ view }: { view: NodeView }) {
  const style = HEALTH_STYLE[view.health];
  const metrics = metricBadges(view);
  return (
    <>
      {showsHealth(view) ? (
        <span className="fl-badge fl-badge-health" style={{ background: style.stroke }}>
          {style.label}
        </span>
      ) : null}
      <FaultBadge faults={view.faults} />
      {metrics.length > 0 ? (
        <span className="fl-badge-row">
          {metrics.map((m) => (
            <span key={m.title} className="fl-badge fl-badge-metric" title={m.title}>
              {m.text}
            </span>
          ))}
        </span>
      ) : null}
    </>
  );
});
