// A node's state at the playhead: its health in words, requests in flight and queued, and the
// faults acting on it. Drawn only while a run is open.
import { memo } from 'react';
import type { NodeView } from '../../playback/project';
import { FaultBadge } from './FaultBadge';
import { HEALTH_STYLE } from './healthStyle';

function count(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : String(Math.round(n));
}

export const NodeStatus = memo(function NodeStatus({ view }: { view: NodeView }) {
  const style = HEALTH_STYLE[view.health];
  const showHealth = view.health !== 'healthy' && view.health !== 'idle';
  return (
    <>
      {showHealth ? (
        <span className="fl-badge fl-badge-health" style={{ background: style.stroke }}>
          {style.label}
        </span>
      ) : null}
      <FaultBadge faults={view.faults} />
      {view.inFlight >= 1 || view.queueDepth >= 1 ? (
        <span className="fl-badge-row">
          {view.inFlight >= 1 ? (
            <span className="fl-badge fl-badge-metric" title="Requests in flight">
              {count(view.inFlight)} in flight
            </span>
          ) : null}
          {view.queueDepth >= 1 ? (
            <span className="fl-badge fl-badge-metric" title="Requests waiting in the queue">
              {count(view.queueDepth)} queued
            </span>
          ) : null}
        </span>
      ) : null}
    </>
  );
});
