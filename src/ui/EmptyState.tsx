// What a blank canvas says: where to start.
import { MousePointerClick } from 'lucide-react';
import { allCommands } from './commands/registry';
import { displayShortcut } from './commands/shortcut';
import { useDocument } from './stores';

export function EmptyState() {
  const empty = useDocument((s) => s.diagram.nodes.length === 0);
  if (!empty) return null;
  const start = allCommands().filter((c) => c.id.startsWith('start.'));
  return (
    <div className="fl-empty" role="region" aria-label="Getting started">
      <MousePointerClick size={28} aria-hidden="true" />
      <h2>Sketch an architecture</h2>
      <p>Drag a component from the palette on the left, or click one to add it. Connect two nodes by dragging from one edge dot to another.</p>
      <div className="fl-empty-actions">
        {start.map((c) => (
          <button key={c.id} type="button" onClick={() => void c.run()}>
            {c.label}
          </button>
        ))}
      </div>
      <p className="fl-muted">
        Every command is one search away: <kbd>{displayShortcut('Mod+K')}</kbd>
      </p>
    </div>
  );
}
