// The Import dialog: Mermaid text pasted or opened from a file (for Markdown, every mermaid fence
// with its heading, to pick from), a live preview of what will be created or the error with its
// line, and where it goes: a new diagram or this one as a group.
import { useEffect, useMemo, useRef, useState } from 'react';
import { KindIcon } from '../../canvas/icons';
import { mermaidBlocks } from '../../mermaid/markdown';
import { MermaidImportError, parseMermaid } from '../../mermaid/parse';
import { toDiagram } from '../../mermaid/toDiagram';
import { CATALOG, type DiagramNode, isContainer } from '../../model';
import { Modal } from '../primitives/Modal';
import { useEditor, useDocument, useUi } from '../../react/editorContext';
import { importBlocks, type ImportBlock, type ImportTarget } from '../../editor/importBlocks';

interface Preview {
  name: string;
  ok: boolean;
  error?: string;
  line?: number;
  nodes?: DiagramNode[];
  edges?: number;
  groups?: number;
  steps?: number;
  notices?: string[];
}

async function preview(block: ImportBlock): Promise<Preview> {
  try {
    const { diagram, counts, notices } = toDiagram(await parseMermaid(block.text), block.name);
    return {
      name: block.name,
      ok: true,
      nodes: diagram.nodes.filter((n) => !isContainer(n.kind)),
      edges: counts.edges,
      groups: counts.groups,
      steps: counts.steps,
      notices,
    };
  } catch (error) {
    if (error instanceof MermaidImportError) return { name: block.name, ok: false, error: error.message, line: error.line };
    return { name: block.name, ok: false, error: `Unexpected problem: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function usePreviews(blocks: ImportBlock[]): Preview[] | null {
  const [result, setResult] = useState<Preview[] | null>(null);
  const key = JSON.stringify(blocks);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the blocks are compared by content (key), not by identity
  useEffect(() => {
    let live = true;
    setResult(null);
    const t = setTimeout(async () => {
      const previews: Preview[] = [];
      for (const b of blocks) previews.push(await preview(b));
      if (live) setResult(previews);
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [key]);
  return result;
}

function KindSummary({ nodes }: { nodes: DiagramNode[] }) {
  const byKind = new Map<string, DiagramNode[]>();
  for (const n of nodes) byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n]);
  return (
    <ul className="fl-import-kinds" aria-label="Inferred kinds">
      {[...byKind].map(([kind, list]) => {
        const entry = CATALOG[kind as keyof typeof CATALOG];
        return (
          <li key={kind} style={{ '--kind-color': entry.color } as React.CSSProperties}>
            <KindIcon kind={entry.kind} size={14} />
            <strong>
              {entry.label} ×{list.length}
            </strong>
            <span className="fl-muted">
              {list
                .slice(0, 6)
                .map((n) => n.label.split('\n')[0])
                .join(', ')}
              {list.length > 6 ? ', …' : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function PreviewView({ previews }: { previews: Preview[] | null }) {
  if (!previews)
    return (
      <p className="fl-muted" role="status">
        Reading the diagram…
      </p>
    );
  return (
    <div className="fl-import-preview" aria-label="Preview" role="region">
      {previews.map((p, i) =>
        p.ok ? (
          <div key={i}>
            {previews.length > 1 ? <h3>{p.name}</h3> : null}
            <p>
              Will create <strong>{p.nodes!.length} nodes</strong>, <strong>{p.edges} connections</strong>
              {p.groups ? (
                <>
                  , <strong>{p.groups} groups</strong>
                </>
              ) : null}
              {p.steps ? (
                <>
                  , a request flow of <strong>{p.steps} messages</strong>
                </>
              ) : null}
              .
            </p>
            <KindSummary nodes={p.nodes!} />
            {p.notices!.map((n) => (
              <p key={n} className="fl-hint">
                {n}
              </p>
            ))}
          </div>
        ) : (
          <p key={i} className="fl-field-error" role="alert">
            {previews.length > 1 ? `${p.name}: ` : ''}
            {p.error}
          </p>
        ),
      )}
    </div>
  );
}

function ImportBody({ initialText, initialFile }: { initialText: string; initialFile?: string }) {
  const editor = useEditor();
  const [text, setText] = useState(initialText);
  const [fileName, setFileName] = useState(initialFile);
  const isEmpty = useDocument((s) => s.diagram.nodes.length === 0);
  const [target, setTarget] = useState<ImportTarget>('new');
  const [working, setWorking] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const fenced = useMemo(() => mermaidBlocks(text), [text]);
  const [chosen, setChosen] = useState<Set<number>>(() => new Set([0]));
  // A new text (another file, say) starts from its first block again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the number of blocks changes
  useEffect(() => setChosen(new Set([0])), [fenced.length]);
  const baseName = fileName ? fileName.replace(/\.[^.]+$/, '') : 'Imported diagram';
  const blocks: ImportBlock[] =
    fenced.length > 0
      ? fenced.filter((b) => chosen.has(b.index)).map((b) => ({ name: b.heading || `${baseName} ${b.index + 1}`, text: b.text }))
      : text.trim()
        ? [{ name: baseName, text }]
        : [];
  const previews = usePreviews(blocks);
  const ready = previews !== null && previews.length > 0 && previews.every((p) => p.ok) && !working;

  const openFile = async (file: File) => {
    setFileName(file.name);
    setText(await file.text());
  };
  const submit = async () => {
    setWorking(true);
    try {
      const result = await importBlocks(editor, blocks, target, baseName);
      editor.ui.getState().closeImport();
      const more = result.notices.length > 0 ? ` (${result.notices.join('; ')})` : '';
      const groups = result.groups > 0 ? `, ${result.groups} groups` : '';
      editor.ui.getState().notify(`Imported ${result.nodes} nodes, ${result.edges} connections${groups}${more}`);
    } catch (error) {
      editor.ui.getState().notify(error instanceof Error ? error.message : String(error), 'error');
      setWorking(false);
    }
  };

  return (
    <>
      <div className="fl-import-source">
        <button type="button" className="fl-button" onClick={() => fileInput.current?.click()}>
          Open file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".mmd,.mermaid,.md,.markdown,.txt"
          hidden
          aria-label="Mermaid or Markdown file"
          onChange={(e) => e.target.files?.[0] && void openFile(e.target.files[0])}
        />
        <span className="fl-muted">
          {fileName ? `From ${fileName}` : 'Paste a flowchart, sequenceDiagram, stateDiagram-v2 or architecture-beta diagram, or open a .mmd or .md file.'}
        </span>
      </div>
      {fenced.length > 0 ? (
        <fieldset className="fl-import-blocks">
          <legend>
            {fenced.length} Mermaid {fenced.length === 1 ? 'block' : 'blocks'} in this file: pick one or several
          </legend>
          {fenced.map((b) => (
            <label key={b.index}>
              <input
                type="checkbox"
                checked={chosen.has(b.index)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(b.index);
                  else next.delete(b.index);
                  setChosen(next);
                }}
              />
              <span>{b.heading || `Block ${b.index + 1}`}</span>
              <span className="fl-muted">
                line {b.line}: {b.text.split('\n')[0]}
              </span>
            </label>
          ))}
        </fieldset>
      ) : (
        <textarea
          className="fl-import-text"
          aria-label="Mermaid text"
          spellCheck={false}
          rows={10}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={'flowchart LR\n  Users --> API[Checkout Service] --> DB[(Orders DB)]'}
        />
      )}
      {blocks.length > 0 ? <PreviewView previews={previews} /> : null}
      <fieldset className="fl-import-target">
        <legend>Import into</legend>
        <label>
          <input type="radio" name="target" checked={target === 'new'} onChange={() => setTarget('new')} /> A new diagram
        </label>
        <label>
          <input type="radio" name="target" checked={target === 'group'} disabled={isEmpty} onChange={() => setTarget('group')} /> This diagram, as a group
        </label>
      </fieldset>
      <div className="fl-dialog-actions">
        <button type="button" className="fl-button" onClick={() => editor.ui.getState().closeImport()}>
          Cancel
        </button>
        <button type="button" className="fl-button fl-button-primary" disabled={!ready} onClick={() => void submit()}>
          {working ? 'Importing…' : 'Import'}
        </button>
      </div>
    </>
  );
}

export function ImportDialog() {
  const editor = useEditor();
  const request = useUi((s) => s.importRequest);
  return (
    <Modal open={request !== null} title="Import Mermaid" className="fl-import" onClose={() => editor.ui.getState().closeImport()}>
      {request ? <ImportBody key={`${request.fileName}:${request.text.length}`} initialText={request.text} initialFile={request.fileName} /> : null}
    </Modal>
  );
}
