// Write a postmortem of the open run: optionally compared with a run of the fix, as Markdown
// with its figures (a zip) or as a printable HTML page. The numbers come from the runs.
import { useMemo, useState } from 'react';
import { writePostmortem } from '../../postmortem/postmortem';
import { useEditor, usePlayback } from '../../react/editorContext';
import type { RecordedRun } from '../../sim/types';
import { downloadBlob, fileNameFor } from '../download';
import { runLabel, useRun, useStoredRuns } from '../playback/RunsPanel';
import { Modal } from '../primitives/Modal';

async function zipped(files: Record<string, string>): Promise<Blob> {
  const { strToU8, zipSync } = await import('fflate');
  const entries = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]));
  return new Blob([zipSync(entries) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

function Body({ run, runId }: { run: RecordedRun; runId: string | null }) {
  const editor = useEditor();
  const runs = useStoredRuns();
  const [fixId, setFixId] = useState('');
  const fix = useRun(fixId);
  const runName = usePlayback((s) => s.runName);
  const postmortem = useMemo(() => writePostmortem(editor.diagram, run, fixId ? fix : null, runName), [editor, run, fix, fixId, runName]);
  const title = `${editor.diagram.name} postmortem`;
  const others = (runs ?? []).filter((r) => r.id !== runId);
  const waiting = fixId !== '' && fix === null;

  const save = async (format: 'md' | 'html') => {
    try {
      if (format === 'html') downloadBlob(new Blob([postmortem.html], { type: 'text/html;charset=utf-8' }), fileNameFor(title, 'html'));
      else {
        const files: Record<string, string> = { [fileNameFor(title, 'md')]: postmortem.markdown };
        for (const f of postmortem.figures) files[`figures/${f.file}`] = f.svg;
        downloadBlob(await zipped(files), fileNameFor(title, 'zip'));
      }
      editor.notify(format === 'html' ? 'Postmortem page saved' : 'Postmortem saved: Markdown and its figures');
    } catch (error) {
      editor.notify(`The postmortem could not be saved: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  };

  const summary = postmortem.document.sections[0];
  return (
    <>
      <p className="fl-muted">{postmortem.document.source}</p>
      <div className="fl-field">
        <label htmlFor="fl-postmortem-fix">Compare with a run of the fix</label>
        <select id="fl-postmortem-fix" value={fixId} onChange={(e) => setFixId(e.target.value)}>
          <option value="">No comparison</option>
          {others.map((r) => (
            <option key={r.id} value={r.id}>
              {runLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <section aria-label="Summary" className="fl-postmortem-summary">
        {summary.blocks.map((b) => (b.type === 'paragraph' ? <p key={b.text}>{b.text}</p> : null))}
      </section>
      <p className="fl-muted">
        Sections: {postmortem.document.sections.map((s) => s.title).join(' · ')}. {postmortem.figures.length} figures.
      </p>
      <div className="fl-dialog-actions">
        <button type="button" className="fl-button" onClick={() => editor.ui.getState().toggle('postmortemOpen', false)}>
          Close
        </button>
        <button type="button" className="fl-button" disabled={waiting} onClick={() => void save('html')}>
          Download HTML page
        </button>
        <button type="button" className="fl-button fl-button-primary" disabled={waiting} onClick={() => void save('md')}>
          Download Markdown (.zip)
        </button>
      </div>
    </>
  );
}

export function PostmortemDialog() {
  const editor = useEditor();
  const run = usePlayback((s) => s.run);
  const runId = usePlayback((s) => s.runId);
  return (
    <Modal open title="Postmortem" className="fl-export" onClose={() => editor.ui.getState().toggle('postmortemOpen', false)}>
      {run ? <Body run={run} runId={runId} /> : <p>Open a run first: the postmortem tells its story.</p>}
    </Modal>
  );
}
