// What a blank canvas says: where to start.
import { MousePointerClick } from 'lucide-react';
import { displayShortcut } from '../editor/commands/shortcut';
import { useDocument, useEditor } from '../react/editorContext';

export function EmptyState() {
  const editor = useEditor();
  const empty = useDocument((s) => s.diagram.nodes.length === 0);
  if (!empty) return null;
  const start = editor.commands.all().filter((c) => c.start);
  return (
    <section className="fl-empty" aria-label="Getting started">
      <MousePointerClick size={28} aria-hidden="true" />
      <h2>Sketch an architecture</h2>
      <p>Drag a component from the palette on the left, or click one to add it. Connect two nodes by dragging from one edge dot to another.</p>
      <div className="fl-empty-actions">
        {start.map((c) => (
          <button key={c.id} type="button" onClick={() => void c.run(editor)}>
            {c.label}
          </button>
        ))}
      </div>
      <p className="fl-muted">
        Every command is one search away: <kbd>{displayShortcut('Mod+K', editor.commands.mac)}</kbd>
      </p>
    </section>
  );
}
