// The library: every stored diagram with its last edit and what it holds; search, new, open,
// rename, duplicate and delete (confirmed, and undoable from the message that follows).
import { useEffect, useMemo, useState } from 'react';
import { CATALOG, type NodeKind } from '../../model';
import type { DeletedDiagram, DiagramListing } from '../../editor/ports';
import { useDocument, useEditor } from '../../react/editorContext';
import { Modal } from '../primitives/Modal';

function when(t: number): string {
  const minutes = Math.round((Date.now() - t) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return new Date(t).toLocaleString();
}

function kinds(counts: DiagramListing['kindCounts']): string {
  return Object.entries(counts)
    .filter(([k]) => k !== 'group' && k !== 'note')
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .slice(0, 4)
    .map(([k, n]) => `${n} ${CATALOG[k as NodeKind].label.toLowerCase()}${n === 1 ? '' : 's'}`)
    .join(', ');
}

function useDiagrams(): DiagramListing[] | null {
  const editor = useEditor();
  const [list, setList] = useState<DiagramListing[] | null>(null);
  useEffect(() => {
    const storage = editor.storage;
    if (!storage) return;
    const load = () => void storage.listDiagrams().then(setList);
    load();
    return storage.onListChange(load);
  }, [editor]);
  return list;
}

function Row({ d, open, onDeleted }: { d: DiagramListing; open: boolean; onDeleted(deleted: DeletedDiagram): void }) {
  const editor = useEditor();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const close = () => editor.ui.getState().toggle('libraryOpen', false);
  const remove = async () => {
    const deleted = await editor.storage!.remove(d.id);
    setConfirming(false);
    if (deleted) onDeleted(deleted);
  };
  return (
    <li className="fl-library-row" data-open={open || undefined}>
      {renaming ? (
        <input
          autoFocus
          aria-label={`New name for ${d.name}`}
          defaultValue={d.name}
          onBlur={(e) => {
            setRenaming(false);
            void editor.storage!.rename(d.id, e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            if (e.key === 'Escape') setRenaming(false);
            e.stopPropagation();
          }}
        />
      ) : (
        <button
          type="button"
          className="fl-library-open"
          onClick={() => {
            close();
            void editor.storage!.open(d.id);
          }}
        >
          <strong>{d.name}</strong>
          <span className="fl-muted">
            {when(d.updatedAt)} · {d.nodeCount} nodes{d.nodeCount > 0 ? ` (${kinds(d.kindCounts)})` : ''}
          </span>
        </button>
      )}
      {confirming ? (
        <span className="fl-library-confirm" role="group" aria-label={`Delete ${d.name}?`}>
          Delete?
          <button type="button" className="fl-button fl-button-danger" onClick={() => void remove()}>
            Delete
          </button>
          <button type="button" className="fl-button" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </span>
      ) : (
        <span className="fl-library-actions">
          <button type="button" className="fl-button" onClick={() => setRenaming(true)} aria-label={`Rename ${d.name}`}>
            Rename
          </button>
          <button type="button" className="fl-button" onClick={() => void editor.storage!.duplicate(d.id)} aria-label={`Duplicate ${d.name}`}>
            Duplicate
          </button>
          <button type="button" className="fl-button" onClick={() => setConfirming(true)} aria-label={`Delete ${d.name}`}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}

function Body() {
  const editor = useEditor();
  const diagrams = useDiagrams();
  const openId = useDocument((s) => s.diagram.id);
  const [query, setQuery] = useState('');
  // The page behind a modal dialog takes no clicks, so the undo is offered here too.
  const [deleted, setDeleted] = useState<DeletedDiagram | null>(null);
  const onDeleted = (d: DeletedDiagram) => {
    setDeleted(d);
    editor.ui.getState().notify(`Deleted ${d.record.name}`, 'info', { label: 'Undo', run: () => void editor.storage!.undoRemove(d) });
  };
  const shown = useMemo(() => diagrams?.filter((d) => d.name.toLowerCase().includes(query.trim().toLowerCase())) ?? null, [diagrams, query]);
  if (!editor.storage?.available) return <p>This browser gives the page no storage, so there is no library here. Export diagrams as files to keep them.</p>;
  return (
    <>
      <div className="fl-library-bar">
        <input
          type="search"
          className="fl-search"
          placeholder="Search by name"
          aria-label="Search diagrams"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          className="fl-button fl-button-primary"
          onClick={() => {
            editor.ui.getState().toggle('libraryOpen', false);
            void editor.storage!.newDiagram();
          }}
        >
          New diagram
        </button>
      </div>
      {deleted ? (
        <p className="fl-library-undo" role="status">
          Deleted {deleted.record.name}.{' '}
          <button
            type="button"
            className="fl-button"
            onClick={() => {
              void editor.storage!.undoRemove(deleted);
              setDeleted(null);
            }}
          >
            Undo
          </button>
        </p>
      ) : null}
      {shown === null ? <p className="fl-muted">Loading…</p> : null}
      {shown?.length === 0 ? <p className="fl-muted">{query ? `No diagram is called anything like “${query}”.` : 'No diagrams yet.'}</p> : null}
      <ul className="fl-library" aria-label="Diagrams">
        {shown?.map((d) => (
          <Row key={d.id} d={d} open={d.id === openId} onDeleted={onDeleted} />
        ))}
      </ul>
    </>
  );
}

export function LibraryDialog() {
  const editor = useEditor();
  return (
    <Modal open title="Library" className="fl-library-dialog" onClose={() => editor.ui.getState().toggle('libraryOpen', false)}>
      <Body />
    </Modal>
  );
}
