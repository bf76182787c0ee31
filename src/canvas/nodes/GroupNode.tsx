// Regions, availability zones and subgraphs: resizable containers that children move with.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { safeColor } from '../../model';
import { usePlayback, useUi } from '../../react/editorContext';
import { NodeStatus } from '../overlays/NodeStatus';
import type { FlowNode } from '../toFlow';
import { InlineRename } from './InlineRename';
import { Resizer } from './Resizer';

export const GroupNode = memo(function GroupNode({ data, selected }: NodeProps<FlowNode>) {
  const { node } = data;
  const renaming = useUi((s) => s.renaming === node.id);
  const isDropTarget = useUi((s) => s.dropTarget === node.id);
  const color = safeColor(node.color);
  const view = usePlayback((s) => s.frame?.nodes.get(node.id));
  return (
    <div className="fl-group" data-drop-target={isDropTarget || undefined} style={color ? ({ '--group-color': color } as React.CSSProperties) : undefined}>
      <Resizer id={node.id} visible={selected} minWidth={160} minHeight={100} />
      <div className="fl-group-title">{renaming ? <InlineRename id={node.id} label={node.label} /> : node.label}</div>
      {view && view.faults.length > 0 ? <NodeStatus view={view} /> : null}
    </div>
  );
});
