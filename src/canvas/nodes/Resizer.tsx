// The resize handles of groups and notes: a resize is one gesture, one undo step.
import { NodeResizer } from '@xyflow/react';
import { useEditor } from '../../react/editorContext';

export function Resizer({ id, visible, minWidth, minHeight }: { id: string; visible: boolean; minWidth: number; minHeight: number }) {
  const editor = useEditor();
  return (
    <NodeResizer
      isVisible={visible}
      minWidth={minWidth}
      minHeight={minHeight}
      lineClassName="fl-resize-line"
      handleClassName="fl-resize-handle"
      onResizeStart={() => editor.canvas.beginResize()}
      onResize={(_, p) => editor.canvas.resize(id, { width: p.width, height: p.height }, { x: p.x, y: p.y })}
      onResizeEnd={() => editor.canvas.endResize()}
    />
  );
}
