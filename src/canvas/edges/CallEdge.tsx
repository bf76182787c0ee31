// A call between two nodes: solid when synchronous, dashed when asynchronous, with its label.
// Stroke styles are inline on the path (not only in CSS) so that pictures keep them: the
// picture library copies computed styles onto HTML elements but not onto SVG paths.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps, type InternalNode, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import type { EdgeView } from '../../playback/project';
import { useDocument, usePlayback, useUi } from '../../react/editorContext';
import { InlineRename } from '../nodes/InlineRename';
import { FaultBadge } from '../overlays/FaultBadge';
import { breakerText } from '../../playback/badges';
import { routeEdge } from '../../scene/edgeRoute';
import { edgeStroke } from '../../scene/edgeStyle';
import type { Rect } from '../../model';
import type { Stroke } from '../../scene/scene';
import type { FlowEdge } from '../toFlow';

/** A stroke as inline style: pictures keep inline styles on SVG paths. */
function strokeStyle(s: Stroke): React.CSSProperties {
  return { stroke: s.color, strokeWidth: s.width, strokeDasharray: s.dash?.join(' '), strokeOpacity: s.opacity ?? 1, fill: 'none' };
}

function EdgeStatus({ view }: { view: EdgeView }) {
  return (
    <>
      {breakerText(view.breaker) ? <span className={`fl-badge fl-badge-breaker fl-breaker-${view.breaker}`}>{breakerText(view.breaker)}</span> : null}
      <FaultBadge faults={view.faults} />
    </>
  );
}

function boxOf(n: InternalNode): Rect {
  const p = n.internals.positionAbsolute;
  return { x: p.x, y: p.y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 };
}

export const CallEdge = memo(function CallEdge(props: EdgeProps<FlowEdge>) {
  const { id, source, target, data, selected, markerEnd } = props;
  const edge = data!.edge;
  const view = usePlayback((s) => s.frame?.edges.get(edge.id));
  const direction = useDocument((s) => s.diagram.direction);
  // Floating: the edge takes the sides of its two nodes that face each other, wherever they are.
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const renaming = useUi((s) => s.renaming === edge.id);
  if (!from || !to) return null;
  const route = routeEdge(boxOf(from), boxOf(to), direction);
  const [path, labelX, labelY] = getBezierPath({
    sourceX: route.from.x,
    sourceY: route.from.y,
    sourcePosition: route.fromSide,
    targetX: route.to.x,
    targetY: route.to.y,
    targetPosition: route.toSide,
  });
  const className = ['fl-edge', `fl-edge-${edge.mode}`, `fl-edge-${edge.style ?? 'solid'}`, selected ? 'fl-edge-selected' : ''].join(' ');
  const status = view && (view.breaker !== 'closed' || view.faults.length > 0);
  const label = edge.label && edge.style !== 'invisible' ? edge.label : null;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={className}
        style={strokeStyle(edgeStroke(edge, Boolean(selected), view))}
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
