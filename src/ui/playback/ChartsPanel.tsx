// Charts of the selected node, connection or client over the run, with the playhead. With
// nothing selected, the first client's: what the users saw.
import { useMemo } from 'react';
import { chartsFor, type ChartSubject, withBands } from '../../playback/charts';
import { usePlayback, useStudies, useUi } from '../../react/editorContext';
import { TimeChart } from './TimeChart';

function useSubject(fallback: string | undefined): ChartSubject | null {
  const node = useUi((s) => (s.selectedNodes.size === 1 ? [...s.selectedNodes][0] : null));
  const edge = useUi((s) => (s.selectedEdges.size === 1 && s.selectedNodes.size === 0 ? [...s.selectedEdges][0] : null));
  if (node) return { type: 'node', id: node };
  if (edge) return { type: 'edge', id: edge };
  return fallback ? { type: 'node', id: fallback } : null;
}

export function ChartsPanel() {
  const run = usePlayback((s) => s.run);
  const subject = useSubject(run?.clients[0]?.id);
  const type = subject?.type;
  const id = subject?.id;
  // The subject is rebuilt each render; its type and id are what matter.
  // A replication of this run's scenario, when one is shown in Studies: its band over the charts.
  const study = useStudies((s) => s.shown);
  const replicated = study?.result.kind === 'replication' && study.scenarioId === run?.scenarioId ? study.result.replicated : null;
  const set = useMemo(() => {
    if (!run || !type || !id) return null;
    const charts = chartsFor(run, { type, id } as ChartSubject);
    return charts && replicated ? withBands(charts, id, replicated) : charts;
  }, [run, type, id, replicated]);
  if (!run) return <p className="fl-muted fl-panel-empty">Run a scenario, then select a node, a connection or a client to chart it here.</p>;
  if (!set) return <p className="fl-muted fl-panel-empty">The selection took no part in this run (it is new, or carries no traffic). Select another part.</p>;
  return (
    <section className="fl-charts" aria-label={`Charts of ${set.title}`}>
      <h3>{set.title}</h3>
      <div className="fl-chart-grid">
        {set.panels.map((p) =>
          p.lines.length > 0 ? (
            <TimeChart key={p.title} title={p.title} unit={p.unit} x={set.x} lines={p.lines} />
          ) : (
            <p key={p.title} className="fl-muted">
              {p.title}: none
            </p>
          ),
        )}
      </div>
    </section>
  );
}
