// A catalog kind's icon, drawn from the same path data pictures and video frames use
// (src/scene/icons.ts, lucide's own icons), so the canvas and an export cannot differ.
import type { NodeKind } from '../model';
import { iconPath } from '../scene/icons';

interface Props {
  kind: NodeKind;
  size?: number;
  strokeWidth?: number;
}

/** Decorative: the kind is always said in words beside it. */
export function KindIcon({ kind, size = 24, strokeWidth = 2 }: Props) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={iconPath(kind)} />
    </svg>
  );
}
