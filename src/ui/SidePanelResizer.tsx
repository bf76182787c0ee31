// The side panel's left edge: drag it (or use the arrow keys on it) to give the panel more or less
// of the canvas's width. The width is remembered on this device (browserEditor.ts).
import { SIDE_PANEL } from '../editor/uiStore';
import { useEditor, useUi } from '../react/editorContext';

export function SidePanelResizer() {
  const editor = useEditor();
  const width = useUi((s) => s.sidePanelWidth);
  const set = (w: number) => editor.ui.getState().setSidePanelWidth(w);
  return (
    <div
      className="fl-side-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the side panel"
      aria-valuenow={width}
      aria-valuemin={SIDE_PANEL.min}
      aria-valuemax={SIDE_PANEL.max}
      tabIndex={0}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 60 : 20;
        if (e.key === 'ArrowLeft') set(width + step);
        else if (e.key === 'ArrowRight') set(width - step);
        else return;
        e.preventDefault();
      }}
      onPointerDown={(e) => {
        const startX = e.clientX;
        const startWidth = width;
        const target = e.currentTarget;
        target.setPointerCapture(e.pointerId);
        const move = (ev: PointerEvent) => set(startWidth + (startX - ev.clientX));
        const up = () => {
          target.removeEventListener('pointermove', move);
          target.removeEventListener('pointerup', up);
        };
        target.addEventListener('pointermove', move);
        target.addEventListener('pointerup', up);
      }}
    />
  );
}
