// The Studies tab: start a replication or a sweep of the open diagram, follow it (progress and
// Cancel), and read the kept ones, newest first.
import { Trash2, X } from 'lucide-react';
import type { StudyRecord } from '../../editor/studies';
import { useDocument, useEditor, useStudies } from '../../react/editorContext';
import { ProgressBar } from '../primitives/ProgressBar';
import { formatWhen } from '../playback/RunsPanel';
import { StudyForm } from './StudyForm';
import { StudyView } from './StudyView';
import { useDiagramList } from '../useDiagramList';
import './studies.css';

/** The open diagram's kept studies, refreshed when they change. */
function useKeptStudies(): StudyRecord[] | null {
  const version = useStudies((s) => s.version);
  return useDiagramList(version, (s, diagramId) => s.studies?.list(diagramId) ?? []);
}

export function StudiesPanel() {
  const editor = useEditor();
  const running = useStudies((s) => s.running);
  const shown = useStudies((s) => s.shown);
  const diagramId = useDocument((s) => s.diagram.id);
  const kept = useKeptStudies();
  const current = shown && shown.diagramId === diagramId ? shown : null;
  return (
    <div className="fl-studies">
      <div className="fl-studies-side">
        <StudyForm />
        {running ? (
          <p className="fl-run-progress">
            <ProgressBar label="Study progress" fraction={running.total > 0 ? running.done / running.total : 0} />
            <span className="fl-muted">
              {running.label}: {running.done} of {running.total} runs
            </span>
            <button type="button" className="fl-button" onClick={() => editor.studies.cancel()}>
              <X size={12} aria-hidden="true" /> Cancel
            </button>
          </p>
        ) : null}
        {kept && kept.length > 0 ? (
          <ul className="fl-runs" aria-label="Kept studies">
            {kept.map((s) => (
              <li key={s.id} aria-current={s.id === current?.id || undefined}>
                <button type="button" className="fl-link-button fl-runs-name" onClick={() => editor.studies.show(s)}>
                  {s.name}, {formatWhen(s.createdAt)}
                </button>
                <button type="button" className="fl-icon-button" aria-label={`Delete ${s.name}`} onClick={() => void editor.studies.remove(s.id)}>
                  <Trash2 size={14} aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="fl-studies-main">
        {current ? (
          <StudyView study={current} />
        ) : (
          <p className="fl-muted fl-panel-empty">
            One run is one seed: replicate it to see each figure with its 95% interval, sweep a client's load to find the knee, or climb past it and back to see
            whether the system recovers.
          </p>
        )}
      </div>
    </div>
  );
}
