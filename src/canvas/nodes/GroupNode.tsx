// Regions, availability zones and subgraphs: resizable containers that children move with.
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { safeColor } from '../../model';
import { documentStore, actions, usePlayback, useUi } from '../../ui/stores';
import { NodeStatus } from '../overlays/NodeStatus';
import type { FlowNode } from '../toFlow';
import { InlineRename } from './InlineRename';

export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<FlowNode>) {
  const { node } = data;
  const renaming = useUi((s) => s.renaming === node.id);
  const isDropTarget = useUi((s) => s.dropTarget === node.id);
  const color = safeColor(node.color);
  const view = usePlayback((s) => s.frame?.nodes.get(node.id));
  return (
    <div className="fl-group" data-drop-target={isDropTarget || undefined} style={color ? ({ '--group-color': color } as React.CSSProperties) : undefined}>
      <NodeResizer
        isVisible={selected}
        minWidth={160}
        minHeight={100}
        lineClassName="fl-resize-line"
        handleClassName="fl-resize-handle"
        onResizeStart={() => documentStore.getState().beginGesture('Resize')}
        onResize={(_, p) => actions.resize(node.id, { width: p.width, height: p.height }, { x: p.x, y: p.y })}
        onResizeEnd={() => documentStore.getState().endGesture()}
      />
      <div className="fl-group-title">{renaming ? <InlineRename id={node.id} label={node.label} /> : node.label}</div>
      {view && view.faults.length > 0 ? <NodeStatus view={view} /> : null}
    </div>
  );
});
