// A call between two nodes: solid when synchronous, dashed when asynchronous, with its label.
// Stroke styles are inline on the path (not only in CSS) so that pictures keep them: the
// picture library copies computed styles onto HTML elements but not onto SVG paths.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DiagramEdge } from '../../model';
import type { EdgeView } from '../../playback/project';
import { usePlayback, useUi } from '../../react/editorContext';
import { InlineRename } from '../nodes/InlineRename';
import { FaultBadge } from '../overlays/FaultBadge';
import { HEALTH_STYLE } from '../overlays/healthStyle';
import type { FlowEdge } from '../toFlow';

export const EDGE_COLOR = '#64748b';
const SELECTED_COLOR = '#4f46e5';

export function edgeStroke(edge: DiagramEdge, selected: boolean): React.CSSProperties {
  const style = edge.style ?? 'solid';
  return {
    stroke: selected ? SELECTED_COLOR : EDGE_COLOR,
    strokeWidth: style === 'thick' ? 3.2 : selected ? 2.4 : 1.6,
    strokeDasharray: edge.mode === 'async' ? '6 4' : style === 'dotted' ? '2 4' : undefined,
    strokeOpacity: style === 'invisible' ? 0.12 : 1,
    fill: 'none',
  };
}

/** During a replay: colour by health, width by throughput. */
function replayStroke(base: React.CSSProperties, view: EdgeView, selected: boolean): React.CSSProperties {
  if (view.health === 'idle') return { ...base, strokeOpacity: 0.35 };
  return { ...base, stroke: selected ? SELECTED_COLOR : HEALTH_STYLE[view.health].stroke, strokeWidth: 1.4 + 5 * view.weight };
}

function EdgeStatus({ view }: { view: EdgeView }) {
  return (
    <>
      {view.breaker !== 'closed' ? (
        <span className={`fl-badge fl-badge-breaker fl-breaker-${view.breaker}`}>{view.breaker === 'open' ? 'OPEN' : 'HALF-OPEN'}</span>
      ) : null}
      <FaultBadge faults={view.faults} />
    </>
  );
}

export const CallEdge = memo(function CallEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const edge = data!.edge;
  const view = usePlayback((s) => s.frame?.edges.get(edge.id));
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const className = ['fl-edge', `fl-edge-${edge.mode}`, `fl-edge-${edge.style ?? 'solid'}`, selected ? 'fl-edge-selected' : ''].join(' ');
  const stroke = edgeStroke(edge, Boolean(selected));
  const status = view && (view.breaker !== 'closed' || view.faults.length > 0);
  const label = edge.label && edge.style !== 'invisible' ? edge.label : null;
  const renaming = useUi((s) => s.renaming === edge.id);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={className}
        style={view ? replayStroke(stroke, view, Boolean(selected)) : stroke}
        markerEnd={markerEnd}
        interactionWidth={28}
      />
      {label || status || renaming ? (
        <EdgeLabelRenderer>
          <div
            className="fl-edge-label nodrag nopan"
            data-bare={(!label && !renaming) || undefined}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {renaming ? <InlineRename id={edge.id} label={edge.label ?? ''} edge /> : label}
            {status ? <EdgeStatus view={view} /> : null}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
