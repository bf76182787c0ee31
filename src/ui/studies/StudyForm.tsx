// What to study and how: replicate the scenario over seeds, sweep a client's load, climb past
// the knee and back (hysteresis), or sweep one setting of a node or a connection.
import { Play } from 'lucide-react';
import { useMemo, useState } from 'react';
import { CALL_FIELDS, CATALOG, effectiveNodeProps, isSource, nodeField } from '../../model';
import { DEFAULT_SEEDS } from '../../editor/studies';
import { useDocument, useEditor, useStudies } from '../../react/editorContext';

type Kind = 'replicate' | 'load' | 'hysteresis' | 'parameter';

const KINDS: readonly { id: Kind; label: string }[] = [
  { id: 'replicate', label: 'Replicate over seeds' },
  { id: 'load', label: 'Load sweep' },
  { id: 'hysteresis', label: 'Hysteresis: up past the knee and back' },
  { id: 'parameter', label: 'Sweep a setting' },
];

function NumberField({ label, value, onChange, step }: { label: string; value: number; onChange(v: number): void; step?: number }) {
  return (
    <label className="fl-study-field">
      <span>{label}</span>
      <input type="number" value={Number.isFinite(value) ? value : ''} step={step ?? 'any'} onChange={(e) => onChange(Number(e.target.value))} />
    </label>
  );
}

function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(v: string): void;
}) {
  return (
    <label className="fl-study-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function StudyForm() {
  const editor = useEditor();
  const diagram = useDocument((s) => s.diagram);
  const running = useStudies((s) => s.running !== null);
  const clients = diagram.nodes.filter((n) => isSource(n.kind));
  const [kind, setKind] = useState<Kind>('replicate');
  const [seeds, setSeeds] = useState(DEFAULT_SEEDS);
  const [clientId, setClientId] = useState('');
  const client = clients.find((c) => c.id === clientId) ?? clients[0];
  const rate = client ? effectiveNodeProps(client.kind, client.props).rateRps : 100;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [steps, setSteps] = useState(6);
  const [stepSeconds, setStepSeconds] = useState(10);
  const [sweepSeeds, setSweepSeeds] = useState(3);
  // A setting of a part: the parts that have numbers to vary, and the numbers they have.
  const parts = useMemo(
    () => [
      ...diagram.nodes.filter((n) => CATALOG[n.kind].fields.length > 0).map((n) => ({ value: `node:${n.id}`, label: n.label || CATALOG[n.kind].label })),
      ...diagram.edges.map((e) => {
        const name = (id: string) => diagram.nodes.find((n) => n.id === id)?.label ?? id;
        return { value: `edge:${e.id}`, label: `${name(e.source)} → ${name(e.target)}` };
      }),
    ],
    [diagram],
  );
  const [part, setPart] = useState('');
  const chosenPart = parts.find((p) => p.value === part) ?? parts[0];
  const [type, partId] = (chosenPart?.value ?? 'node:').split(/:(.*)/s) as ['node' | 'edge', string];
  const fields =
    type === 'node'
      ? (() => {
          const n = diagram.nodes.find((x) => x.id === partId);
          return n ? CATALOG[n.kind].fields.map((k) => nodeField(k)!).filter((f) => f.type === 'number') : [];
        })()
      : CALL_FIELDS.filter((f) => f.type === 'number');
  const [fieldKey, setFieldKey] = useState('');
  const field = fields.find((f) => f.key === fieldKey) ?? fields[0];
  const [values, setValues] = useState('');

  const start = () => {
    const low = from ?? Math.max(1, Math.round(rate / 2));
    const high = to ?? Math.round(rate * 3);
    if (kind === 'replicate') void editor.studies.replicate(seeds);
    else if (kind === 'load' && client) void editor.studies.loadSweep({ clientId: client.id, fromRps: low, toRps: high, steps, seeds: sweepSeeds });
    else if (kind === 'hysteresis' && client)
      void editor.studies.hysteresis({ clientId: client.id, baseRps: from ?? rate, peakRps: high, steps: Math.min(steps, 20), stepMs: stepSeconds * 1000 });
    else if (kind === 'parameter' && field) {
      const list = values
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number);
      void editor.studies.parameterSweep({ target: { type, id: partId }, field: field.key, values: list, seeds: sweepSeeds }, client?.id);
    }
  };

  const clientPicker = (
    <SelectField label="Client" value={client?.id ?? ''} options={clients.map((c) => ({ value: c.id, label: c.label }))} onChange={setClientId} />
  );

  return (
    <form
      className="fl-study-form"
      aria-label="New study"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <SelectField label="Study" value={kind} options={KINDS.map((k) => ({ value: k.id, label: k.label }))} onChange={(v) => setKind(v as Kind)} />
      {kind === 'replicate' ? <NumberField label="Seeds" value={seeds} onChange={setSeeds} step={1} /> : null}
      {kind === 'load' || kind === 'hysteresis' ? clientPicker : null}
      {kind === 'load' ? (
        <>
          <NumberField label="From (req/s)" value={from ?? Math.max(1, Math.round(rate / 2))} onChange={setFrom} />
          <NumberField label="To (req/s)" value={to ?? Math.round(rate * 3)} onChange={setTo} />
          <NumberField label="Steps" value={steps} onChange={setSteps} step={1} />
          <NumberField label="Seeds per step" value={sweepSeeds} onChange={setSweepSeeds} step={1} />
        </>
      ) : null}
      {kind === 'hysteresis' ? (
        <>
          <NumberField label="Base load (req/s)" value={from ?? rate} onChange={setFrom} />
          <NumberField label="Peak load (req/s)" value={to ?? Math.round(rate * 3)} onChange={setTo} />
          <NumberField label="Steps up" value={Math.min(steps, 20)} onChange={setSteps} step={1} />
          <NumberField label="Hold each (s)" value={stepSeconds} onChange={setStepSeconds} />
        </>
      ) : null}
      {kind === 'parameter' ? (
        <>
          <SelectField label="Part" value={chosenPart?.value ?? ''} options={parts} onChange={setPart} />
          <SelectField
            label="Setting"
            value={field?.key ?? ''}
            options={fields.map((f) => ({ value: f.key, label: f.unit && f.unit !== 'count' ? `${f.label} (${f.unit})` : f.label }))}
            onChange={setFieldKey}
          />
          <label className="fl-study-field fl-study-values">
            <span>Values</span>
            <input type="text" placeholder="100, 250, 500, 1000" value={values} onChange={(e) => setValues(e.target.value)} />
          </label>
          <NumberField label="Seeds per value" value={sweepSeeds} onChange={setSweepSeeds} step={1} />
        </>
      ) : null}
      <button type="submit" className="fl-button fl-button-primary" disabled={running || clients.length === 0}>
        <Play size={12} aria-hidden="true" /> Start study
      </button>
      {clients.length === 0 ? <p className="fl-muted">Add a client first: studies measure what clients see.</p> : null}
    </form>
  );
}
