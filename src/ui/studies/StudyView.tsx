// A study's result: a replication's figures with their 95% intervals, a sweep's curves with the
// knee marked, a hysteresis climb's way up and way down with its verdict.
import { useMemo } from 'react';
import type { StudyRecord, StudyResult } from '../../editor/studies';
import { count, ms, pct } from '../../sim/numbers';
import { type ClientEstimates, formatEstimate, type NodeEstimates, type Replicated } from '../../sim/replicate';
import type { Estimate } from '../../sim/stats';
import { useEditor } from '../../react/editorContext';
import { XYChart, type XYLine } from './XYChart';

/** A column of a table of estimates: its heading, the figure it shows and how it is written. */
interface Column<T> {
  heading: string;
  value(row: T): Estimate;
  format(v: number): string;
}

function EstimateTable<T extends { id: string; label: string }>(props: {
  name: string;
  caption: string;
  rowHeading: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
}) {
  return (
    <table className="fl-study-table" aria-label={props.name}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.rowHeading}</th>
          {props.columns.map((c) => (
            <th key={c.heading} scope="col">
              {c.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.label}</th>
            {props.columns.map((c) => (
              <td key={c.heading}>{formatEstimate(c.value(row), c.format)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CLIENT_COLUMNS: readonly Column<ClientEstimates>[] = [
  { heading: 'success', value: (c) => c.successRatio, format: pct },
  { heading: 'mean', value: (c) => c.meanMs, format: ms },
  { heading: 'p50', value: (c) => c.p50Ms, format: ms },
  { heading: 'p99', value: (c) => c.p99Ms, format: ms },
  { heading: 'failed', value: (c) => c.failures, format: count },
];

const NODE_COLUMNS: readonly Column<NodeEstimates>[] = [
  { heading: 'utilisation', value: (n) => n.utilisation, format: pct },
  { heading: 'mean response', value: (n) => n.meanResponseMs, format: ms },
  { heading: 'queue wait', value: (n) => n.meanQueueWaitMs, format: ms },
  { heading: 'failed', value: (n) => n.failed, format: count },
];

function ReplicationTables({ r }: { r: Replicated }) {
  return (
    <>
      <EstimateTable
        name="Clients over the seeds"
        caption={`Clients, mean ± 95% interval over ${r.seeds.length} seeds (latency of successful requests)`}
        rowHeading="client"
        rows={r.clients}
        columns={CLIENT_COLUMNS}
      />
      <EstimateTable name="Nodes over the seeds" caption="Nodes" rowHeading="node" rows={r.nodes} columns={NODE_COLUMNS} />
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
  const mark = knee === null ? null : { x: knee.at, label: `knee between ${knee.between.map(count).join(' and ')} ${result.unit}`.trim() };
  return (
    <>
      <p className="fl-study-verdict" role="status" aria-label="Knee">
        {knee === null
          ? `No knee within the range swept (${result.kneeRule}).`
          : `Knee between ${knee.between.map(count).join(' and ')} ${result.unit} (about ${count(knee.at)} by straight line): past it, ${result.kneeRule}.`}
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
