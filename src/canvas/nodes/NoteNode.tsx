// A sticky note: free text on the canvas, never simulated.
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { actions, documentStore, useUi } from '../../ui/stores';
import type { FlowNode } from '../toFlow';
import { InlineRename } from './InlineRename';

export const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<FlowNode>) {
  const { node } = data;
  const renaming = useUi((s) => s.renaming === node.id);
  return (
    <div className="fl-note">
      <NodeResizer
        isVisible={selected}
        minWidth={100}
        minHeight={50}
        onResizeStart={() => documentStore.getState().beginGesture('Resize')}
        onResize={(_, p) => actions.resize(node.id, { width: p.width, height: p.height }, { x: p.x, y: p.y })}
        onResizeEnd={() => documentStore.getState().endGesture()}
      />
      {renaming ? <InlineRename id={node.id} label={node.label} multiline /> : <p className="fl-note-text">{node.label}</p>}
    </div>
  );
});
