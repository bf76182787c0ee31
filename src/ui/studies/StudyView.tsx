// A study's result: a replication's figures with their 95% intervals, a sweep's curves with the
// knee marked, a hysteresis climb's way up and way down with its verdict.
import { useMemo } from 'react';
import type { StudyRecord, StudyResult } from '../../editor/studies';
import { formatEstimate, type Replicated } from '../../sim/replicate';
import type { Estimate } from '../../sim/stats';
import { useEditor } from '../../react/editorContext';
import { XYChart, type XYLine } from './XYChart';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const ms = (v: number) => (v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
const count = (v: number) => Math.round(v).toLocaleString('en-US');
const round = count;

function Cell({ e, format }: { e: Estimate; format(v: number): string }) {
  return <td>{formatEstimate(e, format)}</td>;
}

function ReplicationTables({ r }: { r: Replicated }) {
  return (
    <>
      <table className="fl-study-table" aria-label="Clients over the seeds">
        <caption>Clients, mean ± 95% interval over {r.seeds.length} seeds (latency of successful requests)</caption>
        <thead>
          <tr>
            <th scope="col">client</th>
            <th scope="col">success</th>
            <th scope="col">mean</th>
            <th scope="col">p50</th>
            <th scope="col">p99</th>
            <th scope="col">failed</th>
          </tr>
        </thead>
        <tbody>
          {r.clients.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.label}</th>
              <Cell e={c.successRatio} format={pct} />
              <Cell e={c.meanMs} format={ms} />
              <Cell e={c.p50Ms} format={ms} />
              <Cell e={c.p99Ms} format={ms} />
              <Cell e={c.failures} format={count} />
            </tr>
          ))}
        </tbody>
      </table>
      <table className="fl-study-table" aria-label="Nodes over the seeds">
        <caption>Nodes</caption>
        <thead>
          <tr>
            <th scope="col">node</th>
            <th scope="col">utilisation</th>
            <th scope="col">mean response</th>
            <th scope="col">queue wait</th>
            <th scope="col">failed</th>
          </tr>
        </thead>
        <tbody>
          {r.nodes.map((n) => (
            <tr key={n.id}>
              <th scope="row">{n.label}</th>
              <Cell e={n.utilisation} format={pct} />
              <Cell e={n.meanResponseMs} format={ms} />
              <Cell e={n.meanQueueWaitMs} format={ms} />
              <Cell e={n.failed} format={count} />
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function SweepCharts({ result }: { result: Extract<StudyResult, { kind: 'load' | 'parameter' }> }) {
  const x = useMemo(() => result.points.map((p) => p.x), [result]);
  const success: XYLine[] = useMemo(
    () => [
      {
        label: 'success %',
        values: result.points.map((p) => p.success.mean * 100),
        lo: result.points.map((p) => (p.success.mean - p.success.half) * 100),
        hi: result.points.map((p) => (p.success.mean + p.success.half) * 100),
      },
    ],
    [result],
  );
  const p99: XYLine[] = useMemo(
    () => [
      {
        label: 'p99 ms',
        values: result.points.map((p) => p.p99Ms.mean),
        lo: result.points.map((p) => p.p99Ms.mean - p.p99Ms.half),
        hi: result.points.map((p) => p.p99Ms.mean + p.p99Ms.half),
      },
    ],
    [result],
  );
  const axis = `${result.axis}${result.unit ? ` (${result.unit})` : ''}`;
  const knee = result.knee;
  const mark = knee === null ? null : { x: knee.at, label: `knee between ${knee.between.map(round).join(' and ')} ${result.unit}`.trim() };
  return (
    <>
      <p className="fl-study-verdict" role="status" aria-label="Knee">
        {knee === null
          ? `No knee within the range swept (${result.kneeRule}).`
          : `Knee between ${knee.between.map(round).join(' and ')} ${result.unit} (about ${round(knee.at)} by straight line): past it, ${result.kneeRule}.`}
      </p>
      <div className="fl-chart-grid">
        <XYChart title="Success" xLabel={axis} unit="%" x={x} lines={success} mark={mark} />
        <XYChart title="p99 latency" xLabel={axis} unit="ms" x={x} lines={p99} mark={mark} />
      </div>
    </>
  );
}

function HysteresisCharts({ result, runId }: { result: Extract<StudyResult, { kind: 'hysteresis' }>['result']; runId: string | null }) {
  const editor = useEditor();
  const peak = (result.steps.length - 1) / 2;
  const x = useMemo(() => result.steps.slice(0, peak + 1).map((s) => s.load), [result, peak]);
  const lines = (pick: (s: (typeof result.steps)[number]) => number): XYLine[] => [
    { label: 'on the way up', values: result.steps.slice(0, peak + 1).map(pick) },
    { label: 'on the way down', values: result.steps.slice(0, peak + 1).map((_, i) => pick(result.steps[result.steps.length - 1 - i])) },
  ];
  return (
    <>
      <p className="fl-study-verdict" role="status" aria-label="Hysteresis verdict" data-met={result.recovers || undefined}>
        {result.verdict}
      </p>
      <div className="fl-chart-grid">
        <XYChart title="Success" xLabel="load (req/s)" unit="%" x={x} lines={lines((s) => s.success * 100)} />
        <XYChart title="p99 latency" xLabel="load (req/s)" unit="ms" x={x} lines={lines((s) => s.p99Ms)} />
      </div>
      {runId ? (
        <button type="button" className="fl-button" onClick={() => void editor.runs.openStored(runId)}>
          Replay the climb
        </button>
      ) : null}
    </>
  );
}

export function StudyView({ study }: { study: StudyRecord }) {
  const r = study.result;
  return (
    <section className="fl-study" aria-label={`Study: ${study.name}`}>
      <h3>{study.name}</h3>
      {r.kind === 'replication' ? <ReplicationTables r={r.replicated} /> : null}
      {r.kind === 'load' || r.kind === 'parameter' ? <SweepCharts result={r} /> : null}
      {r.kind === 'hysteresis' ? <HysteresisCharts result={r.result} runId={r.runId} /> : null}
    </section>
  );
}
