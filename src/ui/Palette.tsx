// The component palette: search, then drag a kind onto the canvas or click to add it at the
// centre of the view.
import { useMemo, useState } from 'react';
import { KindIcon } from '../canvas/icons';
import { KIND_MIME } from '../editor/canvasInteraction';
import type { CatalogEntry, PaletteSection } from '../model';
import { CATALOG, KINDS } from '../model';
import { useEditor } from '../react/editorContext';

const SECTIONS: PaletteSection[] = ['Traffic', 'Edge', 'Compute', 'Data', 'Messaging', 'Diagram'];

function matchesQuery(entry: CatalogEntry, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return entry.label.toLowerCase().includes(q) || entry.description.toLowerCase().includes(q) || entry.keywords.some((k) => k.includes(q));
}

function PaletteItem({ entry }: { entry: CatalogEntry }) {
  const editor = useEditor();
  const add = () => editor.commands.run(`insert.${entry.kind}`, editor);
  return (
    <li>
      <button
        type="button"
        className="fl-palette-item"
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(KIND_MIME, entry.kind);
          e.dataTransfer.effectAllowed = 'copy';
        }}
        onClick={add}
        title={`${entry.description}. Drag onto the canvas, or click to add.`}
        aria-label={entry.label}
        style={{ '--kind-color': entry.color } as React.CSSProperties}
      >
        <KindIcon kind={entry.kind} size={16} />
        <span>{entry.label}</span>
      </button>
    </li>
  );
}

export function Palette() {
  const [query, setQuery] = useState('');
  const entries = useMemo(() => KINDS.map((k) => CATALOG[k]).filter((e) => matchesQuery(e, query.trim())), [query]);
  return (
    <aside className="fl-palette" aria-label="Components">
      <input
        type="search"
        className="fl-search"
        placeholder="Search components"
        aria-label="Search components"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {entries.length === 0 ? <p className="fl-muted">No component matches “{query}”.</p> : null}
      {SECTIONS.map((section) => {
        const items = entries.filter((e) => e.section === section);
        if (items.length === 0) return null;
        return (
          <section key={section} className="fl-palette-section">
            <h3>{section}</h3>
            <ul>
              {items.map((e) => (
                <PaletteItem key={e.kind} entry={e} />
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
