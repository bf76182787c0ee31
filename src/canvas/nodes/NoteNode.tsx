// A sticky note: free text on the canvas, never simulated.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useUi } from '../../react/editorContext';
import type { FlowNode } from '../toFlow';
import { InlineRename } from './InlineRename';
import { Resizer } from './Resizer';

export const NoteNode = memo(function NoteNode({ data, selected }: NodeProps<FlowNode>) {
  const { node } = data;
  const renaming = useUi((s) => s.renaming === node.id);
  return (
    <div className="fl-note">
      <Resizer id={node.id} visible={selected} minWidth={100} minHeight={50} />
      {renaming ? <InlineRename id={node.id} label={node.label} multiline /> : <p className="fl-note-text">{node.label}</p>}
    </div>
  );
});
