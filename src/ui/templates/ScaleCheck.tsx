// A question's scale in numbers, in its brief: the peak at full scale and where it comes from,
// the capacity check at that load (which parts would need how many times their slots), and the
// share the simulation runs at, which the person can set the clients to in one step.
import { useMemo } from 'react';
import { baselineScenario, findScenario, isSource } from '../../model';
import { useDocument, useEditor, useUi } from '../../react/editorContext';
import { capacityCheck } from '../../sim/capacity';
import { largeNumber, type Scale, scaleRates } from '../../templates/scale';

const rps = (v: number) => `${largeNumber(v)} req/s`;

export function ScaleCheck({ scale }: { scale: Scale }) {
  const editor = useEditor();
  const diagram = useDocument((s) => s.diagram);
  const active = useUi((s) => s.activeScenarioId);
  const block = diagram.templateBlock ?? 1;
  const clients = useMemo(() => diagram.nodes.filter((n) => isSource(n.kind)).map((n) => n.id), [diagram]);
  const rates = useMemo(() => scaleRates(scale, clients), [scale, clients]);
  const over = useMemo(() => {
    const rows = capacityCheck(diagram, findScenario(diagram, active) ?? baselineScenario(), rates.full);
    return (rows ?? []).filter((r) => r.over).sort((a, b) => (b.utilisation ?? 0) - (a.utilisation ?? 0));
  }, [diagram, active, rates]);
  if (block !== scale.diagram || clients.length === 0) return null;
  const share = scale.simulateAt === 1 ? 'full scale' : `1/${Math.round(1 / scale.simulateAt).toLocaleString('en-US')} of full scale`;
  return (
    <section className="fl-scale" aria-label="Scale check">
      <p>
        <strong>At full scale</strong>: {rps(scale.peakRps)} at peak ({scale.basis}).
      </p>
      {over.length === 0 ? (
        <p>The capacity check finds every part within 70% of its slots at that load.</p>
      ) : (
        <>
          <p>At that load the capacity check finds {over.length === 1 ? 'one part' : `${over.length} parts`} past 70% of their slots:</p>
          <ul>
            {over.slice(0, 8).map((r) => (
              <li key={r.id}>
                {r.label}: {largeNumber(r.arrivalRps)} req/s would need about {Math.ceil((r.utilisation ?? 0) / 0.7).toLocaleString('en-US')}× its{' '}
                {r.slots.toLocaleString('en-US')} slots
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        The simulation runs at {share}:{' '}
        {Object.entries(rates.simulated)
          .map(([id, r]) => `${diagram.nodes.find((n) => n.id === id)?.label ?? id} ${r.toLocaleString('en-US')} req/s`)
          .join(', ')}
        .{' '}
        <button type="button" className="fl-link-button" onClick={() => editor.report(editor.actions.setClientRates(rates.simulated, `Clients at ${share}`))}>
          Set the clients to it
        </button>
      </p>
    </section>
  );
}
