// A call between two nodes: solid when synchronous, dashed when asynchronous, with its label.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from '../toFlow';

export const CallEdge = memo(function CallEdge(props: EdgeProps<FlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const edge = data!.edge;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const style = edge.style ?? 'solid';
  const className = ['fl-edge', `fl-edge-${edge.mode}`, `fl-edge-${style}`, selected ? 'fl-edge-selected' : ''].join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} className={className} markerEnd={markerEnd ?? 'url(#fl-arrow)'} interactionWidth={16} />
      {edge.label && style !== 'invisible' ? (
        <EdgeLabelRenderer>
          <div className="fl-edge-label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {edge.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
