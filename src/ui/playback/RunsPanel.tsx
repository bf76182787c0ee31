// The runs of this diagram kept in the library: replay one without simulating again, pin it so
// it is never evicted, or delete it.
import { Pencil, Pin, PinOff, Play, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { TEXT_FIELDS } from '../../model';
import type { Editor } from '../../editor/Editor';
import type { RunListing, StoredRuns } from '../../editor/ports';
import type { RunFreshness } from '../../editor/runControl';
import { useDocument, useEditor, usePlayback } from '../../react/editorContext';
import type { RecordedRun } from '../../sim/types';
import { useDiagramList } from '../useDiagramList';

export function formatWhen(at: number): string {
  return new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A run told apart from the others: its name (or scenario), seed and faults, when, and how it went. */
export function runLabel(r: RunListing): string {
  const faults = r.faultCount === undefined ? '' : `, ${r.faultCount} ${r.faultCount === 1 ? 'fault' : 'faults'}`;
  const seed = r.seed === undefined ? '' : `, seed ${r.seed}`;
  return `${r.name || r.scenarioName}${seed}${faults}, ${formatWhen(r.createdAt)} (${(r.successRatio * 100).toFixed(1)}% success)`;
}

/** A run's name edited in place: Enter or leaving the field keeps it, Escape leaves it as it was. */
function RunNameField({ run, onDone }: { run: RunListing; onDone(): void }) {
  const editor = useEditor();
  const [value, setValue] = useState(run.name ?? run.scenarioName);
  const done = useRef(false);
  const finish = (keep: boolean) => {
    if (done.current) return;
    done.current = true;
    if (keep && value.trim() !== (run.name ?? run.scenarioName)) void editor.runs.rename(run.id, value.trim() === run.scenarioName ? '' : value);
    onDone();
  };
  return (
    <input
      className="fl-run-rename"
      aria-label="Run name"
      value={value}
      maxLength={TEXT_FIELDS.runName.maxLength}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') {
          e.stopPropagation();
          finish(false);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}

const FRESHNESS_TEXT: Record<RunFreshness, string | null> = {
  current: null,
  stale: 'Stale: the diagram or its scenario changed since this run',
  unknown: 'Recorded by an earlier version: run again to compare with the diagram as it is',
};

export function freshnessText(f: RunFreshness): string | null {
  return FRESHNESS_TEXT[f];
}

/** The stored runs of the open diagram, newest first, refreshed when runs change. */
export function useStoredRuns(): RunListing[] | null {
  // The playback store bumps runsVersion when a run is stored or deleted.
  const version = usePlayback((s) => s.runsVersion);
  return useDiagramList(version, (s, diagramId) => s.runs?.list(diagramId) ?? []);
}

async function change(editor: Editor, what: (runs: StoredRuns) => Promise<void>) {
  const runs = (await editor.storageReady).runs;
  if (!runs) return;
  try {
    await what(runs);
  } catch (error) {
    editor.notify(`The runs could not be changed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
  editor.playback.getState().runsChanged();
}

/** A stored run, loaded by id; null while loading, when gone, or for no id. */
export function useRun(id: string): RecordedRun | null {
  const editor = useEditor();
  const [run, setRun] = useState<RecordedRun | null>(null);
  useEffect(() => {
    let live = true;
    setRun(null);
    if (id)
      void editor.storageReady
        .then((s) => s.runs?.get(id))
        .then((r) => live && setRun(r?.run ?? null))
        .catch(() => live && setRun(null));
    return () => {
      live = false;
    };
  }, [editor, id]);
  return run;
}

export function RunsPanel() {
  const editor = useEditor();
  const runs = useStoredRuns();
  const openId = usePlayback((s) => s.runId);
  const [renaming, setRenaming] = useState<string | null>(null);
  // Freshness follows every edit: the revision is computed from the diagram as it is now.
  useDocument((s) => s.diagram);
  if (runs === null) return <p className="fl-muted fl-panel-empty">Loading runs…</p>;
  if (runs.length === 0)
    return (
      <p className="fl-muted fl-panel-empty">
        No runs of this diagram yet. Each run is kept here (the last 10, and any you pin) and replays without simulating again.
      </p>
    );
  return (
    <ul className="fl-runs" aria-label="Recorded runs">
      {runs.map((r) => {
        const stale = freshnessText(editor.runs.freshness(r));
        return (
          <li key={r.id} aria-current={r.id === openId || undefined} data-stale={stale ? true : undefined}>
            <span className="fl-runs-name">
              {renaming === r.id ? <RunNameField run={r} onDone={() => setRenaming(null)} /> : runLabel(r)}
              {stale ? (
                <span className="fl-stale" title={stale}>
                  {' '}
                  {stale}
                </span>
              ) : null}
            </span>
            <button type="button" className="fl-button" onClick={() => void editor.runs.openStored(r.id)} aria-label={`Replay ${runLabel(r)}`}>
              <Play size={12} aria-hidden="true" /> Replay
            </button>
            <button type="button" className="fl-icon-button" aria-label={`Rename ${runLabel(r)}`} title="Rename" onClick={() => setRenaming(r.id)}>
              <Pencil size={14} aria-hidden="true" />
            </button>
            <button
              type="button"
              className="fl-icon-button"
              aria-label={r.pinned ? 'Unpin' : 'Pin'}
              aria-pressed={r.pinned === 1}
              title={r.pinned ? 'Unpin: may be removed when newer runs come' : 'Pin: never removed to make room'}
              onClick={() => void change(editor, (s) => s.pin(r.id, r.pinned === 0))}
            >
              {r.pinned ? <PinOff size={14} aria-hidden="true" /> : <Pin size={14} aria-hidden="true" />}
            </button>
            <button
              type="button"
              className="fl-icon-button"
              aria-label={`Delete ${runLabel(r)}`}
              onClick={() =>
                void change(editor, async (s) => {
                  await s.delete(r.id);
                  if (editor.playback.getState().runId === r.id) editor.playback.getState().close();
                })
              }
            >
              <Trash2 size={14} aria-hidden="true" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
