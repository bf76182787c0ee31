// Two runs side by side: pick them (say the same hang without and with a breaker) and see each
// client's success and p99 over time overlaid, with the difference said in words.
import { useEffect, useMemo, useState } from 'react';
import { type ComparedOverSeeds, DEFAULT_SEEDS } from '../../editor/studies';
import { compareRuns } from '../../playback/compare';
import { useDocument, useEditor, useStudies } from '../../react/editorContext';
import { pct } from '../../sim/numbers';
import { formatEstimate } from '../../sim/replicate';
import { runLabel, useRun, useStoredRuns } from './RunsPanel';
import { TimeChart } from './TimeChart';

const PAIR = ['#dc2626', '#2563eb'];

export function ComparePanel() {
  const runs = useStoredRuns();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  // Start with the two newest: the usual question is "what did my last change do?"
  useEffect(() => {
    if (!runs || runs.length < 2) return;
    setA((v) => (runs.some((r) => r.id === v) ? v : runs[1].id));
    setB((v) => (runs.some((r) => r.id === v) ? v : runs[0].id));
  }, [runs]);
  const runA = useRun(a);
  const runB = useRun(b);
  const comparison = useMemo(() => (runA && runB ? compareRuns(runA, runB, [`A (${runA.scenarioName})`, `B (${runB.scenarioName})`]) : null), [runA, runB]);

  if (runs === null) return <p className="fl-muted fl-panel-empty">Loading runs…</p>;
  if (runs.length < 2)
    return (
      <p className="fl-muted fl-panel-empty">
        Compare needs two runs of this diagram. Run a scenario, change something (a breaker, a timeout, a fault), and run again.
      </p>
    );
  const picker = (label: string, value: string, set: (v: string) => void) => (
    <label className="fl-compare-pick">
      <span>Run {label}</span>
      <select aria-label={`Run ${label}`} value={value} onChange={(e) => set(e.target.value)}>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {runLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="fl-compare" aria-label="Compare runs">
      <div className="fl-compare-picks">
        {picker('A', a, setA)}
        {picker('B', b, setB)}
      </div>
      {comparison ? (
        <>
          <ul className="fl-compare-summary" aria-label="Difference">
            {comparison.sentences.map((s) => (
              <li key={s}>{s}</li>
            ))}
            {comparison.clients.length === 0 ? <li>These runs share no client to compare.</li> : null}
          </ul>
          <OverSeeds a={runA!.scenarioId} b={runB!.scenarioId} />
          <div className="fl-chart-grid">
            {comparison.series.map((s) => (
              <CompareCharts key={s.label} x={comparison.x} series={s} />
            ))}
          </div>
        </>
      ) : (
        <p className="fl-muted">Loading the two runs…</p>
      )}
    </section>
  );
}

/** The two runs' scenarios again over seeds: is the difference in success more than chance? */
function OverSeeds({ a, b }: { a: string; b: string }) {
  const editor = useEditor();
  const scenarios = useDocument((s) => s.diagram.scenarios);
  const running = useStudies((s) => s.running !== null);
  const [result, setResult] = useState<ComparedOverSeeds[] | null>(null);
  const sa = scenarios.find((s) => s.id === a);
  const sb = scenarios.find((s) => s.id === b);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another pair of runs makes the old answer wrong
  useEffect(() => setResult(null), [a, b]);
  if (!sa || !sb || a === b)
    return (
      <p className="fl-muted fl-overseeds">
        {a === b
          ? 'Both runs are of one scenario: only the diagram as it is now can be run again, so noise is judged between two scenarios (put the change in a scenario of its own).'
          : 'A scenario of these runs is gone from the diagram, so they cannot be run again over seeds.'}
      </p>
    );
  return (
    <div className="fl-overseeds">
      <button
        type="button"
        className="fl-button"
        disabled={running}
        onClick={async () => setResult(await editor.studies.compareOverSeeds(sa, sb, DEFAULT_SEEDS))}
      >
        Check over {DEFAULT_SEEDS} seeds each
      </button>
      {result ? (
        <ul aria-label="Over seeds">
          {result.map((c) => (
            <li key={c.label}>
              {c.label}: success {formatEstimate(c.a, pct)} in A, {formatEstimate(c.b, pct)} in B; the difference, {(c.difference * 100).toFixed(1)} ±{' '}
              {(c.half * 100).toFixed(1)} points, is <strong>{c.verdict}</strong>.
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CompareCharts({ x, series }: { x: Float64Array; series: ReturnType<typeof compareRuns>['series'][number] }) {
  const success = useMemo(
    () => [
      { label: 'A success %', values: series.successA },
      { label: 'B success %', values: series.successB, dash: true },
    ],
    [series],
  );
  const p99 = useMemo(
    () => [
      { label: 'A p99 ms', values: series.p99A },
      { label: 'B p99 ms', values: series.p99B, dash: true },
    ],
    [series],
  );
  return (
    <>
      <TimeChart title={`${series.label}: success`} unit="%" x={x} lines={success} colors={PAIR} />
      <TimeChart title={`${series.label}: p99 latency`} unit="ms" x={x} lines={p99} colors={PAIR} />
    </>
  );
}
