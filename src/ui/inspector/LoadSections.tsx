// What the numbers say before anything runs: a node's expected load and, for a textbook queue,
// queueing theory's figures beside the open run's; for the whole diagram, the capacity check
// with every node past 70% of its slots. Loaded with the inspector's first look at a node.
import { useRef } from 'react';
import { baselineScenario, findScenario, type Diagram, type Scenario } from '../../model';
import { useDocument, useEditor, usePlayback, useUi } from '../../react/editorContext';
import { CAPACITY_LIMIT, capacityCheck } from '../../sim/capacity';
import { ms as duration, pct } from '../../sim/numbers';
import { nodeTheory } from '../../sim/theory';

/** A time that may be unbounded (an unstable queue never settles). */
const ms = (v: number) => (Number.isFinite(v) ? duration(v) : 'no end');
const rps = (v: number) => `${v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1)} req/s`;

/** The scenario the numbers are for: the active one, as a run would use it. */
function useScenario(): Scenario {
  const diagram = useDocument((s) => s.diagram);
  const active = useUi((s) => s.activeScenarioId);
  return findScenario(diagram, active) ?? baselineScenario();
}

/**
 * `compute` again only when what a simulation reads changed: a drag moves a node on every frame,
 * and the capacity check of a 1,000-node diagram then cost more than the frame.
 */
function useBySimulation<T>(diagram: Diagram, scenario: Scenario, key: string, compute: () => T): T {
  const editor = useEditor();
  const revision = `${editor.runs.revision(diagram, scenario)} ${key}`;
  const cache = useRef<{ revision: string; value: T } | null>(null);
  if (cache.current?.revision !== revision) cache.current = { revision, value: compute() };
  return cache.current.value;
}

function useCapacity(diagram: Diagram, scenario: Scenario) {
  return useBySimulation(diagram, scenario, '', () => capacityCheck(diagram, scenario));
}

export function NodeLoad({ nodeId }: { nodeId: string }) {
  const diagram = useDocument((s) => s.diagram);
  const scenario = useScenario();
  const rows = useCapacity(diagram, scenario);
  const row = rows?.find((r) => r.id === nodeId);
  const theory = useBySimulation(diagram, scenario, nodeId, () => nodeTheory(diagram, scenario, nodeId));
  // What the open run measured here, if it is a run of this scenario.
  const measured = usePlayback((s) => (s.run && s.run.scenarioId === scenario.id ? (s.run.summary.nodes.find((n) => n.id === nodeId) ?? null) : null));
  if (!row) return null;
  return (
    <section className="fl-inspector-section" aria-label="Load before running">
      <h3>Load before running</h3>
      <p className="fl-hint">
        {rps(row.arrivalRps)} arriving; each request holds a slot {ms(row.holdingMs)}
        {row.utilisation === null ? '.' : `: ${pct(row.utilisation)} of its ${row.slots.toLocaleString('en-US')} slots busy.`}
        {row.over ? ` Over ${pct(CAPACITY_LIMIT)}: queues grow fast from here.` : ''}
      </p>
      {'why' in theory ? (
        <p className="fl-hint">Queueing theory: not a textbook queue, since {theory.why}.</p>
      ) : (
        <table className="fl-theory" aria-label="Queueing theory beside the run">
          <caption>
            {theory.model}
            {theory.approximate ? ' (approximation)' : ''}, Poisson arrivals
          </caption>
          <thead>
            <tr>
              <th scope="col" />
              <th scope="col">theory</th>
              <th scope="col">run</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">utilisation</th>
              <td>{pct(theory.utilisation)}</td>
              <td>{measured ? pct(measured.utilisation) : '–'}</td>
            </tr>
            <tr>
              <th scope="row">wait (Wq)</th>
              <td>{ms(theory.waitMs)}</td>
              <td>{measured ? ms(measured.meanQueueWaitMs) : '–'}</td>
            </tr>
            <tr>
              <th scope="row">in node (W)</th>
              <td>{ms(theory.responseMs)}</td>
              <td>{measured ? ms(measured.meanResponseAllMs) : '–'}</td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}

export function DiagramCapacity() {
  const editor = useEditor();
  const diagram = useDocument((s) => s.diagram);
  const scenario = useScenario();
  const rows = useCapacity(diagram, scenario);
  if (!rows || rows.length === 0) return null;
  const over = rows.filter((r) => r.over);
  return (
    <section className="fl-inspector-section" aria-label="Capacity check">
      <h3>Capacity check</h3>
      <p className="fl-hint">
        At the rates of “{scenario.name}”, before anything runs:{' '}
        {over.length === 0 ? `no node is above ${pct(CAPACITY_LIMIT)} of its slots.` : `${over.length} above ${pct(CAPACITY_LIMIT)} of their slots.`}
      </p>
      {over.length > 0 ? (
        <ul className="fl-capacity">
          {over.map((r) => (
            <li key={r.id}>
              <button type="button" className="fl-link-button" onClick={() => editor.ui.getState().select([r.id])}>
                {diagram.nodes.find((n) => n.id === r.id)?.label ?? r.label}
              </button>
              : {pct(r.utilisation!)} ({rps(r.arrivalRps)} × {ms(r.holdingMs)} over {r.slots.toLocaleString('en-US')} slots)
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
