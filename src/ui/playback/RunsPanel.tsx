// The runs of this diagram kept in the library: replay one without simulating again, pin it so
// it is never evicted, or delete it.
import { Pin, PinOff, Play, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { RunRecord } from '../../persistence/records';
import { playback, uiStore, useDocument, usePlayback } from '../stores';
import { openStoredRun } from './runScenario';

const session = async () => (await import('../library/session')).session;

export function formatWhen(at: number): string {
  return new Date(at).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function runLabel(r: RunRecord): string {
  return `${r.scenarioName}, ${formatWhen(r.createdAt)} (${(r.successRatio * 100).toFixed(1)}% success)`;
}

/** The stored runs of the open diagram, newest first, refreshed when runs change. */
export function useStoredRuns(): RunRecord[] | null {
  const diagramId = useDocument((s) => s.diagram.id);
  const version = usePlayback((s) => s.runsVersion);
  const [runs, setRuns] = useState<RunRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    void session()
      .then((s) => s.runs?.list(diagramId) ?? [])
      .then((list) => live && setRuns(list))
      .catch(() => live && setRuns([]));
    return () => {
      live = false;
    };
  }, [diagramId, version]);
  return runs;
}

async function change(what: (runs: NonNullable<Awaited<ReturnType<typeof session>>['runs']>) => Promise<void>) {
  const runs = (await session()).runs;
  if (!runs) return;
  try {
    await what(runs);
  } catch (error) {
    uiStore.getState().notify(`The runs could not be changed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
  playback.getState().runsChanged();
}

export function RunsPanel() {
  const runs = useStoredRuns();
  const openId = usePlayback((s) => s.runId);
  if (runs === null) return <p className="fl-muted fl-panel-empty">Loading runs…</p>;
  if (runs.length === 0)
    return (
      <p className="fl-muted fl-panel-empty">
        No runs of this diagram yet. Each run is kept here (the last 10, and any you pin) and replays without simulating again.
      </p>
    );
  return (
    <ul className="fl-runs" aria-label="Recorded runs">
      {runs.map((r) => (
        <li key={r.id} aria-current={r.id === openId || undefined}>
          <span className="fl-runs-name">{runLabel(r)}</span>
          <button type="button" className="fl-button" onClick={() => void openStoredRun(r.id)} aria-label={`Replay ${runLabel(r)}`}>
            <Play size={12} aria-hidden="true" /> Replay
          </button>
          <button
            type="button"
            className="fl-icon-button"
            aria-label={r.pinned ? 'Unpin' : 'Pin'}
            aria-pressed={r.pinned === 1}
            title={r.pinned ? 'Unpin: may be removed when newer runs come' : 'Pin: never removed to make room'}
            onClick={() => void change((s) => s.pin(r.id, r.pinned === 0))}
          >
            {r.pinned ? <PinOff size={14} aria-hidden="true" /> : <Pin size={14} aria-hidden="true" />}
          </button>
          <button
            type="button"
            className="fl-icon-button"
            aria-label={`Delete ${runLabel(r)}`}
            onClick={() =>
              void change(async (s) => {
                await s.delete(r.id);
                if (playback.getState().runId === r.id) playback.getState().close();
              })
            }
          >
            <Trash2 size={14} aria-hidden="true" />
          </button>
        </li>
      ))}
    </ul>
  );
}
