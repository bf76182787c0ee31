// A call between two nodes: solid when synchronous, dashed when asynchronous, with its label.
// Stroke styles are inline on the path (not only in CSS) so that pictures keep them: the
// picture library copies computed styles onto HTML elements but not onto SVG paths.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { DiagramEdge } from '../../model';
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

export const CallEdge = memo(function CallEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const edge = data!.edge;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const className = ['fl-edge', `fl-edge-${edge.mode}`, `fl-edge-${edge.style ?? 'solid'}`, selected ? 'fl-edge-selected' : ''].join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} className={className} style={edgeStroke(edge, Boolean(selected))} markerEnd={markerEnd} interactionWidth={16} />
      {edge.label && edge.style !== 'invisible' ? (
        <EdgeLabelRenderer>
          <div className="fl-edge-label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {edge.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
