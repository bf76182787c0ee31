// The selected fault of the active scenario: its type (among those its target can have), when it
// starts and ends, and its parameters with units. Each change is one undo step.
import { Trash2 } from 'lucide-react';
import {
  FAULT_TIME_FIELDS,
  faultTargetName,
  faultType,
  faultTypesFor,
  findScenario,
  type Fault,
  type FaultPatch,
  type FaultType,
  type FieldValue,
  type Scenario,
} from '../../model';
import type { Editor } from '../../editor/Editor';
import { useDocument, useEditor, useUi } from '../../react/editorContext';
import { FieldInput } from './FieldInput';

function commit(editor: Editor, scenario: Scenario, fault: Fault, patch: FaultPatch): string | null {
  const r = editor.actions.updateFault(scenario.id, fault.id, patch);
  return r.ok ? null : r.reason;
}

function FaultDetails({ scenario, fault }: { scenario: Scenario; fault: Fault }) {
  const editor = useEditor();
  const name = useDocument((s) => faultTargetName(s.diagram, fault.target));
  const targetKind = useDocument((s) => (fault.target.type === 'edge' ? 'edge' : (s.diagram.nodes.find((n) => n.id === fault.target.id)?.kind ?? 'note')));
  const entry = faultType(fault.type);
  const remove = () => {
    editor.actions.removeFault(scenario.id, fault.id);
    editor.ui.getState().selectFault(null);
    editor.ui.getState().notify(`Removed: ${entry.label} on ${name}`, 'info', { label: 'Undo', run: () => editor.undo() });
  };
  return (
    <div className="fl-inspector-body">
      <header className="fl-inspector-head">
        <h2>
          {entry.label} on {name}
        </h2>
      </header>
      <p className="fl-hint">
        In scenario “{scenario.name}”. {entry.description}.
      </p>
      <div className="fl-field">
        <label htmlFor="fl-fault-type">Fault</label>
        <select
          id="fl-fault-type"
          value={fault.type}
          onChange={(e) => editor.report(editor.actions.updateFault(scenario.id, fault.id, { type: e.target.value as FaultType }))}
        >
          {faultTypesFor(targetKind).map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
      </div>
      {FAULT_TIME_FIELDS.map((field) => (
        <FieldInput
          key={field.key}
          field={field}
          value={fault[field.key]}
          overridden={false}
          onCommit={(v: FieldValue | undefined) => commit(editor, scenario, fault, { [field.key]: v as number })}
        />
      ))}
      {entry.params.map((field) => (
        <FieldInput
          key={field.key}
          field={field}
          value={(fault[field.key] ?? entry.defaults[field.key]) as FieldValue}
          overridden={false}
          onCommit={(v: FieldValue | undefined) => commit(editor, scenario, fault, { [field.key]: v } as FaultPatch)}
        />
      ))}
      <button type="button" className="fl-button" onClick={remove}>
        <Trash2 size={13} aria-hidden="true" /> Remove fault
      </button>
    </div>
  );
}

export function FaultInspector({ id }: { id: string }) {
  const activeId = useUi((s) => s.activeScenarioId);
  const scenario = useDocument((s) => findScenario(s.diagram, activeId));
  const fault = scenario?.faults.find((f) => f.id === id);
  if (!scenario || !fault) return <p className="fl-inspector-body fl-muted">That fault is gone.</p>;
  return <FaultDetails key={fault.id} scenario={scenario} fault={fault} />;
}
