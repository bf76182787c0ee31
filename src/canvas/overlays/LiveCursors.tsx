// The other people in a live session on the canvas: their pointers with their names, and an
// outline around what each has selected, in their colour. Names render as text.
import { useReactFlow, useViewport } from '@xyflow/react';
import { memo, useEffect } from 'react';
import type { Person } from '../../collab/presence';
import { useEditor, useLive } from '../../react/editorContext';

function Selection({ person }: { person: Person }) {
  const flow = useReactFlow();
  const { x, y, zoom } = useViewport();
  return (
    <>
      {person.selection.slice(0, 50).map((id) => {
        const n = flow.getInternalNode(id);
        if (!n) return null;
        const p = n.internals.positionAbsolute;
        const w = n.measured.width ?? 0;
        const h = n.measured.height ?? 0;
        return (
          <div
            key={id}
            className="fl-live-selection"
            style={{ left: p.x * zoom + x - 4, top: p.y * zoom + y - 4, width: w * zoom + 8, height: h * zoom + 8, borderColor: person.color }}
          />
        );
      })}
    </>
  );
}

function Cursor({ person }: { person: Person }) {
  const { x, y, zoom } = useViewport();
  if (!person.cursor) return null;
  return (
    <div
      className="fl-live-cursor"
      style={{ transform: `translate(${person.cursor.x * zoom + x}px, ${person.cursor.y * zoom + y}px)` }}
      data-person={person.name}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
        <path d="M1 1 L1 13 L5 9.5 L8 15 L10 14 L7.2 8.6 L12.5 8.6 Z" fill={person.color} stroke="#fff" strokeWidth="1" />
      </svg>
      <span style={{ background: person.color }}>{person.name}</span>
    </div>
  );
}

export const LiveCursors = memo(function LiveCursors() {
  const others = useLive((s) => s.people).filter((p) => !p.self);
  if (others.length === 0) return null;
  return (
    <div className="fl-live-layer" aria-hidden="true">
      {others.map((p) => (
        <Selection key={`s${p.clientId}`} person={p} />
      ))}
      {others.map((p) => (
        <Cursor key={`c${p.clientId}`} person={p} />
      ))}
    </div>
  );
});

/**
 * Following: the view moves with the followed person's (or, when nobody is picked, with whoever
 * presents), and a presenter's replay time is followed too when the same run is open here.
 */
export function useFollowView(): void {
  const editor = useEditor();
  const flow = useReactFlow();
  useEffect(
    () =>
      editor.live.store.subscribe((s) => {
        const presenter = s.people.find((p) => p.presenting && !p.self);
        const target = s.following !== null ? s.people.find((p) => p.clientId === s.following) : presenter;
        if (!target) return;
        if (target.viewport) {
          const now = flow.getViewport();
          if (now.x !== target.viewport.x || now.y !== target.viewport.y || now.zoom !== target.viewport.zoom) void flow.setViewport(target.viewport);
        }
        const pb = editor.playback.getState();
        if (target.presenting && target.playheadMs !== null && pb.run && Math.abs(pb.t - target.playheadMs) > 1)
          pb.seek(Math.min(target.playheadMs, pb.run.durationMs));
      }),
    [editor, flow],
  );
}
