// Draws a node's Mermaid shape (cylinder, diamond, hexagon...) as its outline, so databases
// look like databases here and in exported pictures.
import { memo } from 'react';
import { outlinePath } from '../scene/shapes';

interface Props {
  shape: string;
  width: number;
  height: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
}

export const ShapeOutline = memo(function ShapeOutline({ shape, width, height, fill, stroke, strokeWidth }: Props) {
  return (
    <svg className="fl-shape" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <path d={outlinePath(shape, width, height, strokeWidth)} fill={fill} stroke={stroke} strokeWidth={strokeWidth} />
    </svg>
  );
});
