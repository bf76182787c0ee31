// The incident timeline: the run told as an ordered story. The entry at the playhead is marked;
// clicking one moves the playhead there, selects the part and brings it into view.
import type { IncidentEntry, RecordedRun } from '../../sim/types';
import { entryAt } from '../../playback/clock';
import { formatTime } from '../../sim/timeline';
import type { Editor } from '../../editor/Editor';
import { runHeadline } from '../../editor/runControl';
import { runTitle } from '../../playback/runTitle';
import { useEditor, usePlayback } from '../../react/editorContext';

function modelEdgeId(run: RecordedRun, id: string | undefined): string | undefined {
  if (!id) return undefined;
  return run.edges.find((e) => e.id === id)?.modelId ?? id;
}

function show(editor: Editor, run: RecordedRun, entry: IncidentEntry) {
  editor.playback.getState().seek(entry.t);
  const d = editor.doc.getState().diagram;
  const node = entry.node ?? entry.client;
  const edge = modelEdgeId(run, entry.edge);
  if (node && d.nodes.some((n) => n.id === node)) {
    editor.ui.getState().select([node]);
    editor.viewport?.focusNode(node);
  } else if (edge && d.edges.some((e) => e.id === edge)) {
    editor.ui.getState().select([], [edge]);
    const e = d.edges.find((x) => x.id === edge)!;
    editor.viewport?.focusNode(e.target);
  }
}

export function IncidentList() {
  const editor = useEditor();
  const run = usePlayback((s) => s.run);
  const runName = usePlayback((s) => s.runName);
  const current = usePlayback((s) => (s.run ? entryAt(s.run.timeline, s.t) : -1));
  if (!run) return <p className="fl-muted fl-panel-empty">Run a scenario: what happened, in what order, is told here.</p>;
  return (
    <div className="fl-incident">
      <p className="fl-incident-summary">
        <strong>{runTitle(run, runName)}</strong>: {runHeadline(run)}
      </p>
      {run.timeline.length === 0 ? (
        <p className="fl-muted">Nothing went wrong in this run: no faults, no saturation, every client within its objective.</p>
      ) : (
        <ol className="fl-incident-list" aria-label="Incident timeline">
          {run.timeline.map((entry, i) => (
            <li key={i} data-kind={entry.kind} aria-current={i === current ? 'step' : undefined}>
              <button type="button" onClick={() => show(editor, run, entry)}>
                <span className="fl-incident-time">{formatTime(entry.t)}</span>
                <span>{entry.text}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
