// Every component kind on the canvas: its shape, icon and colour come from the catalog.
import { Handle, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { CATALOG, COMPONENT_SIZE, safeColor } from '../../model';
import { usePlayback, useUi } from '../../react/editorContext';
import { KindIcon } from '../icons';
import { HEALTH_STYLE } from '../../playback/healthStyle';
import { NodeStatus } from '../overlays/NodeStatus';
import { SIDES } from '../../scene/edgeRoute';
import { ShapeOutline } from '../ShapeOutline';
import type { FlowNode } from '../toFlow';
import { InlineRename } from './InlineRename';

export const ComponentNode = memo(function ComponentNode({ data, selected }: NodeProps<FlowNode>) {
  const { node } = data;
  const entry = CATALOG[node.kind];
  const color = safeColor(node.color) ?? entry.color;
  const renaming = useUi((s) => s.renaming === node.id);
  const shape = node.shape ?? entry.mermaidShape;
  // During a replay the outline says how the node is doing; otherwise it shows its kind.
  const view = usePlayback((s) => s.frame?.nodes.get(node.id));
  const health = view && view.health !== 'idle' ? HEALTH_STYLE[view.health] : null;
  return (
    <div
      className="fl-node"
      data-kind={node.kind}
      data-shape={shape}
      data-selected={selected || undefined}
      data-health={view?.health}
      style={{ '--kind-color': color, ...(health ? { '--health-color': health.stroke } : {}) } as React.CSSProperties}
    >
      <ShapeOutline
        shape={shape}
        width={COMPONENT_SIZE.width}
        height={COMPONENT_SIZE.height}
        // A tint of the health colour over the theme's node fill, readable in light and dark alike.
        fill={health ? `color-mix(in srgb, ${health.stroke} 18%, var(--node-fill))` : 'var(--node-fill)'}
        stroke={health?.stroke ?? color}
        strokeWidth={selected ? 2.5 : health ? 2.2 : 1.5}
      />
      {view ? <NodeStatus view={view} /> : null}
      <span className="fl-node-icon" aria-hidden="true">
        <KindIcon kind={node.kind} size={18} />
      </span>
      <span className="fl-node-text">
        {renaming ? <InlineRename id={node.id} label={node.label} /> : <span className="fl-node-label">{node.label}</span>}
        <span className="fl-node-kind">{entry.label}</span>
      </span>
      {/* A connection starts from any side (the canvas connects loosely) and edges attach to the
          sides that face each other, wherever the nodes are (src/scene/edgeRoute.ts). */}
      {SIDES.map((side) => (
        <Handle key={side} id={side} type="source" position={side} className="fl-handle" />
      ))}
    </div>
  );
});
