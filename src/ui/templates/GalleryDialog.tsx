// The question gallery: the bank's questions and the person's own, searched and filtered by
// category and difficulty, each previewed as Mermaid draws its first diagram; "Start from
// template" makes a new diagram in the library. A Markdown question file can be added here.
import { FileUp, Play, Trash2 } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { addOwnFile } from '../../editor/addOwnFile';
import type { Editor } from '../../editor/Editor';
import type { GalleryEntry } from '../../editor/questions';
import { useEditor, useQuestions } from '../../react/editorContext';
import { DIFFICULTIES } from '../../templates/types';
import { Modal } from '../primitives/Modal';
import { MermaidPicture } from '../primitives/MermaidPicture';
import { GuideParts } from './GuideParts';
import { templateFacts } from './facts';
import './templates.css';

function useEntries(): GalleryEntry[] | null {
  const editor = useEditor();
  const version = useQuestions((s) => s.version);
  const [entries, setEntries] = useState<GalleryEntry[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the refetch signal: the question store bumps it when a file is added or removed
  useEffect(() => {
    let live = true;
    void editor.questions.entries().then((e) => live && setEntries(e));
    return () => {
      live = false;
    };
  }, [editor, version]);
  return entries;
}

function matches(e: GalleryEntry, query: string, category: string, difficulty: string): boolean {
  const t = e.template;
  if (category && t.category !== category) return false;
  if (difficulty && t.difficulty !== difficulty) return false;
  const q = query.trim().toLowerCase();
  return !q || [t.title, t.summary, t.category, t.source].some((s) => s.toLowerCase().includes(q));
}

/** A question from the person's own Markdown file, kept in the gallery. */
function addFromFile(editor: Editor) {
  return addOwnFile(editor, 'question', async (text) => {
    const added = await editor.questions.importQuestion(text);
    if (!added) return null;
    const { template, stored } = added;
    return stored
      ? `Added “${template.title}” to your questions`
      : `Added “${template.title}” for this session: storage is not available, so it will not be kept`;
  });
}

function Preview({ entry }: { entry: GalleryEntry }) {
  const editor = useEditor();
  const t = entry.template;
  const [starting, setStarting] = useState(false);
  const [shown, setShown] = useState(0);
  const diagram = t.diagrams[shown];
  return (
    <section className="fl-gallery-preview" aria-label={`Preview of ${t.title}`}>
      <h3>{t.title}</h3>
      <p className="fl-muted">{templateFacts(t)}</p>
      <p>{t.summary}</p>
      {t.diagrams.length > 1 ? (
        <div className="fl-gallery-diagrams" role="group" aria-label="Diagrams">
          {t.diagrams.map((d, i) => (
            <button key={i} type="button" aria-pressed={i === shown} onClick={() => setShown(i)} title={d.heading}>
              {i + 1}. {d.heading}
            </button>
          ))}
        </div>
      ) : null}
      <MermaidPicture key={shown} text={diagram.text} alt={`${diagram.heading}, as Mermaid draws it`} className="fl-gallery-picture" />
      {t.drills.length ? <p className="fl-muted">Drills: {t.drills.map((d) => d.title).join('; ')}</p> : null}
      <GuideParts template={t} />
      <div className="fl-dialog-actions">
        {entry.mine ? (
          <button type="button" className="fl-button" onClick={() => void editor.questions.removeQuestion(t.id)}>
            <Trash2 size={13} aria-hidden="true" /> Remove from my questions
          </button>
        ) : null}
        <button
          type="button"
          className="fl-button fl-button-primary"
          disabled={starting}
          onClick={async () => {
            setStarting(true);
            await editor.questions.startFrom(t, shown + 1);
            setStarting(false);
          }}
        >
          <Play size={13} aria-hidden="true" /> {starting ? 'Opening…' : shown === 0 ? 'Start from template' : `Start from diagram ${shown + 1}`}
        </button>
      </div>
    </section>
  );
}

export function GalleryDialog() {
  const editor = useEditor();
  const entries = useEntries();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const categories = useMemo(() => [...new Set((entries ?? []).map((e) => e.template.category))].sort(), [entries]);
  const shown = (entries ?? []).filter((e) => matches(e, query, category, difficulty));
  const current = shown.find((e) => e.template.id === selected) ?? shown[0];
  const close = () => editor.ui.getState().toggle('galleryOpen', false);
  return (
    <Modal open title="Question gallery" className="fl-gallery" onClose={close}>
      <div className="fl-gallery-filters">
        <input type="search" aria-label="Search questions" placeholder="Search questions" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
        <select aria-label="Category" value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select aria-label="Difficulty" value={difficulty} onChange={(e) => setDifficulty(e.target.value)}>
          <option value="">Any difficulty</option>
          {DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <button type="button" className="fl-button" onClick={() => void addFromFile(editor)}>
          <FileUp size={13} aria-hidden="true" /> Add a question file…
        </button>
      </div>
      <div className="fl-gallery-body">
        {entries === null ? (
          <p className="fl-muted">Loading the questions…</p>
        ) : shown.length === 0 ? (
          <p className="fl-muted">No question matches. Clear the search or the filters.</p>
        ) : (
          <>
            <ul className="fl-gallery-list" aria-label="Questions">
              {shown.map((e) => (
                <li key={e.template.id}>
                  <button type="button" aria-pressed={e === current} onClick={() => setSelected(e.template.id)}>
                    <strong>{e.template.title}</strong>
                    <span className="fl-muted">
                      {templateFacts(e.template, 'short')}
                      {e.mine ? ' · yours' : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {current ? <Preview key={current.template.id} entry={current} /> : null}
          </>
        )}
      </div>
    </Modal>
  );
}
